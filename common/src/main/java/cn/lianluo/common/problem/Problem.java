package cn.lianluo.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The RFC 9457 body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://lianluo.cn/problems/";

    public static Problem of(int status, String kind, String title, String detail, String instance, List<FieldError> errors) {
        return new Problem(TYPE_BASE + kind, title, status, detail, instance, errors);
    }
}
