package cn.lianluo.common.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Whether spans are recorded, and so exported: only when an OTLP collector is named ({@code lianluo.otlp-endpoint}, from
 * {@code LIANLUO_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}). Quarkus fixes its exporter when the jar
 * is built and would send to localhost:4317 by default, logging every failed export; with no collector named, no span
 * is sampled, so the exporter never has anything to send. The spans still exist unrecorded: their trace ids reach the
 * log lines (the MDC's traceId), the requests the gateway forwards and the events' envelopes all the same.
 */
@ApplicationScoped
public class TraceSampling {

    @Produces
    @Singleton
    Sampler sampler(@ConfigProperty(name = "lianluo.otlp-endpoint") Optional<String> endpoint) {
        return of(endpoint);
    }

    /** Every span a caller's sampled trace or a new trace asks for when a collector is named; none otherwise. */
    public static Sampler of(Optional<String> endpoint) {
        return endpoint.filter(e -> !e.isBlank()).isPresent() ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }
}
