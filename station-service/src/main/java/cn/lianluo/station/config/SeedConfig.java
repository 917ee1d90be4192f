package cn.lianluo.station.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where the demo data is read from at start-up; nothing is loaded when unset (the region tree is reference data). */
@ConfigMapping(prefix = "lianluo.seed")
public interface SeedConfig {

    /** The project's {@code seeds/} folder ({@code LIANLUO_SEED_DIR}). */
    Optional<String> dir();
}
