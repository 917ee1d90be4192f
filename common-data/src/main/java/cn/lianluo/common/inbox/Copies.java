package cn.lianluo.common.inbox;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A service's copy of another service's record, kept from its events. Events of one record share a partition, but a
 * resent or replayed one may come after a later one: the copy remembers when it was last written, and an older event
 * changes nothing.
 */
public final class Copies {

    private Copies() {
    }

    /**
     * The copy an event of {@code time} writes: the one kept, unless a later event has written it already; a new one from
     * {@code fresh} when none is kept yet.
     */
    public static <T> Optional<T> toWrite(T kept, Function<T, Instant> writtenAt, Instant time, Supplier<T> fresh) {
        return kept == null ? Optional.of(fresh.get()) : kept(kept, writtenAt, time);
    }

    /** The copy kept, for an event of {@code time} to change; none when there is none or a later event wrote it. */
    public static <T> Optional<T> kept(T kept, Function<T, Instant> writtenAt, Instant time) {
        return kept == null || writtenAt.apply(kept).isAfter(time) ? Optional.empty() : Optional.of(kept);
    }
}
