package cn.lianluo.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Uploaded files (POST /api/v1/files): how large, and how long one no case took is kept. */
@ConfigMapping(prefix = "lianluo.files")
public interface FilesConfig {

    /** The largest file taken, in bytes (10 MiB): a phone's photo or a scanned letter. */
    @WithDefault("10485760")
    long maxBytes();

    /** How long an uploaded file waits for the submission that attaches it; afterwards it is refused and deleted. */
    @WithDefault("24h")
    Duration keepUnattached();

    /** How often files no case took in time are deleted (read by FileSweep's {@code @Scheduled}). */
    @WithDefault("1h")
    String sweepEvery();
}
