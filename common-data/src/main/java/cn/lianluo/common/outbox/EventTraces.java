package cn.lianluo.common.outbox;

import cn.lianluo.common.events.CloudEvent;
import cn.lianluo.common.events.IncomingEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An event's trace, from the request that wrote it to each consumer that takes it in. The relay publishes a row later
 * and on a thread of its own, when the request's span has ended: so the writer's trace context travels in the envelope
 * (the CloudEvents distributed-tracing extension, W3C {@code traceparent} and {@code tracestate}), the relay's publish
 * span is its child, and a consumer's span continues it, linked to the span the messaging layer started for the record.
 */
@ApplicationScoped
public class EventTraces {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final JsonFactory JSON = new JsonFactory();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public EventTraces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The event with the current trace context; unchanged when no span is current. */
    public CloudEvent traced(CloudEvent event) {
        if (!Span.current().getSpanContext().isValid()) {
            return event;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return event.withTrace(carrier.get("traceparent"), carrier.get("tracestate"));
    }

    /**
     * Starts the span of publishing one outbox row, a child of the trace its envelope carries (a root when it carries
     * none), and writes the span's own context into the record's headers. The caller ends it when Kafka has the record.
     */
    public Span publishing(String topic, String eventId, String type, String envelope, Headers headers) {
        Map<String, String> carrier = extension(envelope);
        Span span = tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(W3C.extract(Context.root(), carrier, MAP))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_id", eventId)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
        W3C.inject(Context.root().with(span), headers,
                (h, key, value) -> h.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** Ends a publish span, failed when the send failed. */
    public static void sent(Span span, Exception failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /**
     * Runs a consumer's taking in of an event in a span of its own: a child of the trace the event carries, linked to
     * the span current here (the messaging layer's, for the Kafka record) when there is one; a child of that span when
     * the event carries no trace.
     */
    public <T> T consuming(String consumer, IncomingEvent event, Supplier<T> work) {
        Span current = Span.current();
        Context parent = Context.current();
        if (event.traceparent() != null) {
            Map<String, String> carrier = new HashMap<>();
            carrier.put("traceparent", event.traceparent());
            if (event.tracestate() != null) {
                carrier.put("tracestate", event.tracestate());
            }
            Context carried = W3C.extract(Context.root(), carrier, MAP);
            if (Span.fromContext(carried).getSpanContext().isValid()) {
                parent = carried;
            }
        }
        var builder = tracer.spanBuilder(consumer + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type());
        SpanContext messaging = current.getSpanContext();
        if (messaging.isValid() && !messaging.equals(Span.fromContext(parent).getSpanContext())) {
            builder.addLink(messaging);
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * The envelope's trace context, read from its top-level {@code traceparent} and {@code tracestate} without reading
     * its data; empty when it has none or is no JSON object.
     */
    static Map<String, String> extension(String envelope) {
        Map<String, String> carrier = new HashMap<>();
        try (JsonParser parser = JSON.createParser(envelope)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return carrier;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && ("traceparent".equals(name) || "tracestate".equals(name))) {
                    carrier.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            carrier.clear();
        }
        return carrier;
    }
}
