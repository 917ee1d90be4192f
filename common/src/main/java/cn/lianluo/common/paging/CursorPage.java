package cn.lianluo.common.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * A page of a list read by cursor (the {@code /changes} lists other systems sync): the items after the cursor asked
 * for, and the cursor to ask for next. {@code next} is always given: fewer items than the size asked for means the
 * reader has caught up for now, and asks again with the same {@code next} later.
 */
public record CursorPage<T>(List<T> items,
                            @Schema(description = "the cursor to pass as after for the next page (opaque); when fewer "
                                    + "items than size came back, keep it and ask again later") String next) {

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), next);
    }
}
