package cn.lianluo.common.testing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tracer for plain unit tests whose spans, every one recorded, are kept here as they end. */
public final class RecordedSpans implements SpanExporter {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider provider;

    /** Spans of a service named {@code service} (the resource's service.name). */
    public RecordedSpans(String service) {
        provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.builder().put("service.name", service).build()))
                .addSpanProcessor(SimpleSpanProcessor.create(this))
                .build();
    }

    public Tracer tracer() {
        return provider.get("test");
    }

    /** The spans ended so far, in the order they ended. */
    public List<SpanData> ended() {
        return List.copyOf(ended);
    }

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
}
