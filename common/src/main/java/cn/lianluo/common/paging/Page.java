package cn.lianluo.common.paging;

import java.util.List;
import java.util.function.Function;

/** Every list of the API: {@code {items, total, page, size}}, {@code page} counting from 0. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
