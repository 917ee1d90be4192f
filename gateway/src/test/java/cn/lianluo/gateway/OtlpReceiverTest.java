package cn.lianluo.gateway;

import cn.lianluo.common.testing.RecordedSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The test receiver reads what the OpenTelemetry SDK's own OTLP marshaller writes. */
class OtlpReceiverTest {

    @Test
    void the_receiver_reads_the_spans_of_an_export_request() throws Exception {
        RecordedSpans recorded = new RecordedSpans("case-service");
        Span server = recorded.tracer().spanBuilder("POST /api/v1/cases").setSpanKind(SpanKind.SERVER)
                .setAttribute("url.path", "/api/v1/cases").startSpan();
        try (Scope ignored = server.makeCurrent()) {
            recorded.tracer().spanBuilder("case.events publish").setSpanKind(SpanKind.PRODUCER).startSpan().end();
        } finally {
            server.end();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(recorded.ended()).writeBinaryTo(body);

        List<OtlpReceiver.ReceivedSpan> spans = OtlpReceiver.parse(body.toByteArray());

        String traceId = server.getSpanContext().getTraceId();
        assertThat(spans).containsExactlyInAnyOrder(
                new OtlpReceiver.ReceivedSpan("case-service", traceId, server.getSpanContext().getSpanId(), "",
                        "POST /api/v1/cases", OtlpReceiver.ReceivedSpan.SERVER),
                new OtlpReceiver.ReceivedSpan("case-service", traceId, recorded.ended().get(0).getSpanId(),
                        server.getSpanContext().getSpanId(), "case.events publish", OtlpReceiver.ReceivedSpan.PRODUCER));
    }
}
