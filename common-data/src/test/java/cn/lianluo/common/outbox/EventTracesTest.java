package cn.lianluo.common.outbox;

import cn.lianluo.common.events.CloudEvent;
import cn.lianluo.common.events.IncomingEvent;
import cn.lianluo.common.testing.RecordedSpans;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trace of an event: written with the request's context, published and taken in as spans of that trace. */
class EventTracesTest {

    private final RecordedSpans spans = new RecordedSpans("case-service");
    private final EventTraces traces = new EventTraces(spans.tracer());
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CloudEvent event() {
        return CloudEvent.of(UUID.randomUUID(), "/lianluo/case-service", "lianluo.case.received.v1", "c-1",
                OffsetDateTime.parse("2026-11-26T10:15:30+08:00"), "433124108",
                mapper.createObjectNode().put("traceparent", "not the envelope's"));
    }

    @Test
    void an_event_written_outside_a_trace_carries_none() throws Exception {
        CloudEvent event = traces.traced(event());

        assertThat(event.traceparent()).isNull();
        assertThat(mapper.readTree(mapper.writeValueAsString(event)).has("traceparent")).isFalse();
    }

    @Test
    void the_relay_publishes_and_the_consumer_takes_in_within_the_trace_of_the_request_that_wrote_the_event()
            throws Exception {
        Span request = spans.tracer().spanBuilder("POST /api/v1/cases").setSpanKind(SpanKind.SERVER).startSpan();
        CloudEvent written;
        try (Scope ignored = request.makeCurrent()) {
            written = traces.traced(event());
        } finally {
            request.end();
        }
        String envelope = mapper.writeValueAsString(written);
        assertThat(written.traceparent()).isEqualTo("00-" + request.getSpanContext().getTraceId() + "-"
                + request.getSpanContext().getSpanId() + "-01");

        // the relay, later and on its own thread: no span is current there
        RecordHeaders headers = new RecordHeaders();
        Span publish = traces.publishing("case.events", written.id().toString(), written.type(), envelope, headers);
        EventTraces.sent(publish, null);
        String header = new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("00-" + request.getSpanContext().getTraceId() + "-"
                + publish.getSpanContext().getSpanId() + "-01");

        // the consumer, under the messaging layer's span of another trace
        IncomingEvent incoming = IncomingEvent.parse(mapper, envelope);
        Span messaging = spans.tracer().spanBuilder("case.events receive").startSpan();
        try (Scope ignored = messaging.makeCurrent()) {
            traces.consuming("scoring-service/case", incoming, () -> null);
        } finally {
            messaging.end();
        }

        SpanData published = spans.ended().stream().filter(s -> s.getName().equals("case.events publish")).findFirst().orElseThrow();
        SpanData consumed = spans.ended().stream().filter(s -> s.getName().equals("scoring-service/case process")).findFirst()
                .orElseThrow();
        assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(published.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(consumed.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(consumed.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(consumed.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(consumed.getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getSpanContext()).isEqualTo(messaging.getSpanContext()));
    }

    @Test
    void a_consumer_that_fails_ends_its_span_as_an_error_and_lets_the_failure_through() {
        IncomingEvent incoming = new IncomingEvent(UUID.randomUUID(), "lianluo.case.received.v1", null, null);

        assertThatThrownBy(() -> traces.consuming("c", incoming, () -> {
            throw new IncomingEvent.Unreadable("no");
        })).isInstanceOf(IncomingEvent.Unreadable.class);

        assertThat(spans.ended()).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getParentSpanContext().isValid()).isFalse();
        });
    }

    @Test
    void the_envelope_trace_is_read_from_its_top_level_only() {
        assertThat(EventTraces.extension("{\"id\":\"x\",\"data\":{\"traceparent\":\"a\"},\"traceparent\":\"b\"}"))
                .containsExactlyEntriesOf(Map.of("traceparent", "b"));
        assertThat(EventTraces.extension("not json")).isEmpty();
    }
}
