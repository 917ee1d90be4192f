package cn.lianluo.deputy.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Where the seeds are read from at start-up; nothing is loaded when unset. */
@ConfigMapping(prefix = "lianluo.seed")
public interface SeedConfig {

    /** The project's {@code seeds/} folder ({@code LIANLUO_SEED_DIR}). */
    Optional<String> dir();
}
