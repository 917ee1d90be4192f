package cn.lianluo.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * An event as a consumer reads it: the envelope's id, type and time, its data, and the trace context it carries (the
 * CloudEvents distributed-tracing extension; null when the event has none).
 */
public record IncomingEvent(UUID id, String type, Instant time, JsonNode data, String traceparent, String tracestate) {

    /** An event that carries no trace context. */
    public IncomingEvent(UUID id, String type, Instant time, JsonNode data) {
        this(id, type, time, data, null, null);
    }

    /** An event that cannot be read; consumers let it go to their dead-letter topic with this reason. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String reason) {
            super(reason);
        }
    }

    /**
     * The data as {@code type} (the record the topic's contract names for the event's type), read with the service's
     * mapper; data that does not read as one (a field of the wrong type, an id that is no UUID) is {@link Unreadable}.
     */
    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        if (data == null || !data.isObject()) {
            throw new Unreadable("the data of " + this.type + " is not an object");
        }
        try {
            return mapper.treeToValue(data, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("the data of " + this.type + " is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Reads a structured CloudEvent; anything that is not one is {@link Unreadable}. */
    public static IncomingEvent parse(ObjectMapper mapper, String envelope) {
        JsonNode event;
        try {
            event = mapper.readTree(envelope);
        } catch (IOException e) {
            throw new Unreadable("not JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new Unreadable("not a CloudEvent");
        }
        try {
            return new IncomingEvent(UUID.fromString(event.path("id").asText()), event.path("type").asText(),
                    OffsetDateTime.parse(event.path("time").asText()).toInstant(), event.path("data"),
                    text(event, "traceparent"), text(event, "tracestate"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Unreadable("a CloudEvent needs an id (UUID) and a time: " + e.getMessage());
        }
    }

    private static String text(JsonNode event, String attribute) {
        JsonNode value = event.get(attribute);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
