package cn.lianluo.common.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TraceSamplingTest {

    private static SamplingDecision rootDecision(Optional<String> endpoint) {
        return TraceSampling.of(endpoint).shouldSample(Context.root(), "0af7651916cd43dd8448eb211c80319c", "GET /",
                SpanKind.SERVER, Attributes.empty(), List.of()).getDecision();
    }

    @Test
    void with_no_collector_named_no_span_is_recorded() {
        assertThat(rootDecision(Optional.empty())).isEqualTo(SamplingDecision.DROP);
        assertThat(rootDecision(Optional.of(" "))).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void an_unrecorded_span_still_has_the_trace_id_the_logs_and_the_envelopes_carry() {
        var span = SdkTracerProvider.builder().setSampler(TraceSampling.of(Optional.empty())).build().get("test")
                .spanBuilder("POST /api/v1/cases").startSpan();

        assertThat(span.isRecording()).isFalse();
        assertThat(span.getSpanContext().isValid()).isTrue();
        assertThat(span.getSpanContext().isSampled()).isFalse();
    }

    @Test
    void with_a_collector_every_new_trace_is_recorded() {
        assertThat(rootDecision(Optional.of("http://otel-collector:4317"))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    }
}
