package cn.lianluo.gateway;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The test receiver reads what the OpenTelemetry SDK's own OTLP marshaller writes. */
class OtlpReceiverTest {

    @Test
    void the_receiver_reads_the_spans_of_an_export_request() throws Exception {
        List<SpanData> ended = new CopyOnWriteArrayList<>();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.builder().put("service.name", "case-service").build()))
                .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                    @Override
                    public CompletableResultCode export(Collection<SpanData> spans) {
                        ended.addAll(spans);
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode flush() {
                        return CompletableResultCode.ofSuccess();
                    }

                    @Override
                    public CompletableResultCode shutdown() {
                        return CompletableResultCode.ofSuccess();
                    }
                })).build();
        Span server = provider.get("t").spanBuilder("POST /api/v1/cases").setSpanKind(SpanKind.SERVER)
                .setAttribute("url.path", "/api/v1/cases").startSpan();
        try (Scope ignored = server.makeCurrent()) {
            provider.get("t").spanBuilder("case.events publish").setSpanKind(SpanKind.PRODUCER).startSpan().end();
        } finally {
            server.end();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(ended).writeBinaryTo(body);

        List<OtlpReceiver.ReceivedSpan> spans = OtlpReceiver.parse(body.toByteArray());

        String traceId = server.getSpanContext().getTraceId();
        assertThat(spans).containsExactlyInAnyOrder(
                new OtlpReceiver.ReceivedSpan("case-service", traceId, server.getSpanContext().getSpanId(), "",
                        "POST /api/v1/cases", OtlpReceiver.ReceivedSpan.SERVER),
                new OtlpReceiver.ReceivedSpan("case-service", traceId, ended.get(0).getSpanId(),
                        server.getSpanContext().getSpanId(), "case.events publish", OtlpReceiver.ReceivedSpan.PRODUCER));
    }
}
