package cn.lianluo.common.problem;

import java.util.List;

/**
 * A failure the caller must hear about as an RFC 9457 problem. Pure Java, so domain code may throw it.
 * {@code kind} becomes the stable {@code type} URI ({@code https://lianluo.cn/problems/<kind>}).
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;
    private final transient List<FieldError> errors;

    public ProblemException(int status, String kind, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of());
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found 未找到", what + " " + id + " does not exist");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden 无权操作", detail);
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(409, kind, "Conflict 状态冲突", detail);
    }

    /** 400: the request itself is malformed (a field has the wrong form). */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request 请求参数有误",
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 422: well-formed, but it names something that cannot be used (an unknown region, a schedule with no date). */
    public static ProblemException unprocessable(String kind, String field, String message) {
        return new ProblemException(422, kind, "Unprocessable 无法处理",
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
