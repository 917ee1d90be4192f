package cn.lianluo.common.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of seeded aggregates, derived from their seed key, so that one service's seeds can name another's
 * (a seeded deputy's home station) before any event has arrived.
 */
public final class SeedIds {

    private SeedIds() {
    }

    /** A name-based (v3) UUID for {@code kind} and {@code seedKey}, the same in every service and every run. */
    public static UUID of(String kind, String seedKey) {
        return UUID.nameUUIDFromBytes(("lianluo:" + kind + ":" + seedKey).getBytes(StandardCharsets.UTF_8));
    }
}
