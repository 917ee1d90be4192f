package cn.lianluo.common.rest;

import cn.lianluo.common.problem.ProblemException;

import java.util.Arrays;

/** Query parameters parsed so that a bad value is a 400 naming it (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + raw + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
