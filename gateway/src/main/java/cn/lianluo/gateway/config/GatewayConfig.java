package cn.lianluo.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the services are, and the gateway's own limits. */
@ConfigMapping(prefix = "lianluo.gateway")
public interface GatewayConfig {

    String stationUrl();

    String deputyUrl();

    String caseUrl();

    String scoringUrl();

    String notificationUrl();

    /** How long a proxied call may go without sending a byte before the caller gets a 504. */
    @WithDefault("15s")
    Duration proxyTimeout();

    /**
     * The same for an export ({@code GET …/export}): a service writes the whole file before its first byte goes out
     * (the province's roll: 8-11 s on two cores, 20 s with a build beside it).
     */
    @WithDefault("120s")
    Duration exportTimeout();

    /** The overview's time budget: what has not answered by then is named in {@code degraded}. */
    @WithDefault("4s")
    Duration overviewBudget();

    /**
     * The largest body of an upload ({@code POST /api/v1/files}, a station's 六有 evidence): a 10 MiB file and its
     * multipart framing.
     * Every other body keeps {@code lianluo.http.max-body-bytes} (8 MiB).
     */
    @WithDefault("10551296")
    long maxUploadBytes();

    /** Public submission, tracking and rating: requests per client address (and per phone) a minute. */
    @WithDefault("30")
    int publicPerMinute();

    /**
     * Whether the client address is the first of {@code X-Forwarded-For} (behind the county's ingress, which sets it)
     * rather than the connection's peer. Off by default: a client could otherwise pick its own address.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** Who publishes the open data (dct:publisher of the catalogue): the people's-congress office that runs the platform. */
    @WithDefault("联络平台 Lianluo")
    String openDataPublisher();
}
