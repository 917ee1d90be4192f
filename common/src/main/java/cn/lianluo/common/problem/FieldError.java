package cn.lianluo.common.problem;

/** One invalid field of a request: {@code field} is the JSON path as the client sent it. */
public record FieldError(String field, String message) {
}
