package cn.lianluo.common.rest;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.Problem;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.InvalidRegionCodeException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one problem-details mapper of every service (RFC 9457): every failure leaves as
 * {@code application/problem+json} with a stable {@code type}; nothing leaks a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Instance<ProblemTranslator> translators;

    public ProblemMappers(Instance<ProblemTranslator> translators) {
        this.translators = translators;
    }

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad request 请求有误"),
            Map.entry(401, "Unauthorized 未登录或令牌无效"),
            Map.entry(403, "Forbidden 无权操作"),
            Map.entry(404, "Not found 未找到"),
            Map.entry(405, "Method not allowed 不支持的方法"),
            Map.entry(406, "Not acceptable 不支持的响应格式"),
            Map.entry(409, "Conflict 状态冲突"),
            Map.entry(413, "Payload too large 请求体过大"),
            Map.entry(415, "Unsupported media type 不支持的内容类型"),
            Map.entry(422, "Unprocessable 无法处理"),
            Map.entry(500, "Internal error 服务器内部错误"));

    private static final Map<Integer, String> KINDS = Map.ofEntries(
            Map.entry(400, "bad-request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"), Map.entry(413, "payload-too-large"), Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "unprocessable"), Map.entry(500, "internal"));

    public static Response problem(int status, String kind, String title, String detail, String instance,
                                   List<FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, kind, title, detail, instance, errors))
                .build();
    }

    static Response problem(int status, String detail, UriInfo uri) {
        return problem(status, KINDS.getOrDefault(status, "http-" + status),
                TITLES.getOrDefault(status, "HTTP " + status), detail, path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response problemException(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.kind(), e.title(), e.getMessage(), path(uri), e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request 请求参数有误", detail, path(uri), errors);
    }

    @ServerExceptionMapper
    public Response invalidRegion(InvalidRegionCodeException e, UriInfo uri) {
        return problem(400, "invalid-region-code", "Invalid region code 行政区划代码有误", e.getMessage(),
                path(uri), List.of());
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return jsonOther(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e, UriInfo uri) {
        return jsonOther(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonInvalidFormat(InvalidFormatException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonUnknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonOther(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return jsonMapping(mapping, uri);
        }
        return problem(400, "malformed-json", "Malformed JSON 请求体不是合法的 JSON",
                "the body is not valid JSON: " + e.getOriginalMessage(), path(uri), List.of());
    }

    private Response jsonMapping(JsonMappingException e, UriInfo uri) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            message = target.isEnum()
                    ? "'" + f.getValue() + "' is not one of " + java.util.Arrays.toString(target.getEnumConstants())
                    : "'" + f.getValue() + "' cannot be read as " + target.getSimpleName();
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else {
            message = "wrong type or shape" + (e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? ", expected " + m.getTargetType().getSimpleName() : "");
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return problem(400, "validation", "Invalid request 请求参数有误", field + ": " + message, path(uri),
                List.of(new FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    private Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(problem(401, "a valid bearer token is required", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "your role does not allow this", uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) { // a parameter that StrictParams could not read
                return problemException(problem, uri);
            }
            if (cause instanceof JsonProcessingException json) {
                return jsonOther(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "this method is not allowed here";
            case 415 -> "send the body as the operation takes it: application/json (multipart/form-data for an upload)";
            case 413 -> "the body is larger than this service accepts";
            default -> e.getMessage();
        };
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? problem(status, detail, uri)
                : Response.fromResponse(problem(status, detail, uri)).header(HttpHeaders.ALLOW, allow).build();
    }

    /**
     * The last resort: an error with a cause we know — a problem, or one a {@link ProblemTranslator} knows (a
     * concurrent change, a duplicate key, wrapped by a transaction) — or a logged 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException p) {
                return problemException(p, uri);
            }
            for (ProblemTranslator translator : translators) {
                var translated = translator.translate(cause, path(uri));
                if (translated.isPresent()) {
                    return translated.get();
                }
            }
        }
        LOG.errorf(e, "unexpected failure at %s", path(uri));
        return problem(500, "the request could not be completed; it has been logged", uri);
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code create.body.address.name} → {@code address.name}; a query parameter keeps its own name. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                names.add(name + "[" + node.getIndex() + "]");
            } else if (node.getKey() != null) {
                names.add(name + "[" + node.getKey() + "]");
            } else if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return String.join(".", names);
    }
}
