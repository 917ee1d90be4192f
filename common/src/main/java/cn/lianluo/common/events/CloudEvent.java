package cn.lianluo.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope of every event: CloudEvents 1.0, structured JSON mode ({@code application/cloudevents+json}),
 * with the extension {@code regioncode}. {@code id} is the outbox row id, so a resent event keeps it.
 * {@code traceparent} and {@code tracestate} are the CloudEvents distributed-tracing extension: the W3C trace context of
 * the request that wrote the event, so its consumers' work joins that request's trace; absent when nothing traced it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String regioncode,
        String traceparent,
        String tracestate,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final String TYPE_PREFIX = "lianluo.";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        if (!type.startsWith(TYPE_PREFIX) || !type.matches(".*\\.v\\d+$")) {
            throw new IllegalArgumentException("an event type is lianluo.<service>.<what>.v<N>: " + type);
        }
    }

    public static CloudEvent of(UUID id, String source, String type, String subject, OffsetDateTime time,
                                String regionCode, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, "application/json", regionCode, null, null,
                data);
    }

    /** This event carrying the given trace context (either may be null: no trace, or a trace without a tracestate). */
    public CloudEvent withTrace(String traceparent, String tracestate) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, regioncode, traceparent,
                tracestate, data);
    }
}
