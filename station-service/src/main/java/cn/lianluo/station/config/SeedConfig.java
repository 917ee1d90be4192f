package cn.lianluo.station.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Where the seeds are read from at start-up; nothing is loaded when unset. */
@ConfigMapping(prefix = "lianluo.seed")
public interface SeedConfig {

    /** The project's {@code seeds/} folder ({@code LIANLUO_SEED_DIR}). */
    Optional<String> dir();

    /** The full province region tree, e.g. {@code ../shared/regions/hunan-regions.csv} ({@code LIANLUO_PROVINCE_REGIONS}). */
    @WithName("province-regions")
    Optional<String> provinceRegions();
}
