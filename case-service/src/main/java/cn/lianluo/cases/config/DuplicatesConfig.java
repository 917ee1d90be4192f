package cn.lianluo.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * When a new case is flagged as a possible duplicate (重复件) of an open one: the same citizen's phone, or the same place
 * and a similar title and content, within a window of days.
 */
@ConfigMapping(prefix = "lianluo.duplicates")
public interface DuplicatesConfig {

    /** How far back an open case is compared, in days ({@code LIANLUO_DUPLICATES_WINDOW_DAYS}). */
    @WithDefault("30")
    int windowDays();

    /** Two places within so many metres are the same place, when both cases have one ({@code LIANLUO_DUPLICATES_DISTANCE_METRES}). */
    @WithDefault("200")
    int distanceMetres();

    /**
     * How alike the title and content must be: pg_trgm's {@code similarity} of the two texts, 0 to 1
     * ({@code LIANLUO_DUPLICATES_SIMILARITY}); 0.3 is pg_trgm's own default for its {@code %} operator.
     */
    @WithDefault("0.3")
    double similarity();
}
