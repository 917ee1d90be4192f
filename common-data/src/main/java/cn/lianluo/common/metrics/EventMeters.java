package cn.lianluo.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

/**
 * The counters of events going out and coming in, the same in every service (docs/deploy.md, 指标): events the relay
 * published, events each consumer took in and what became of them, and events sent to a dead-letter topic. Prometheus
 * names them {@code lianluo_events_published_total}, {@code lianluo_events_consumed_total} and
 * {@code lianluo_events_dead_lettered_total}.
 */
@ApplicationScoped
public class EventMeters {

    /** What became of an event a consumer took in. */
    public enum Outcome {
        /** its handler applied it */
        APPLIED,
        /** the consumer had applied it before ({@code ProcessedEvents.firstTime} said no): nothing changed */
        DUPLICATE,
        /** a type of the topic's contract this consumer has no handler for: claimed and passed over */
        IGNORED,
        /** it could not be applied and went to the channel's dead-letter topic */
        DEAD_LETTERED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public EventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One event of {@code type} that Kafka acknowledged. */
    public void published(String type) {
        Counter.builder("lianluo.events.published").description("Events the outbox relay published and Kafka acknowledged")
                .tag("type", type).register(registry).increment();
    }

    /** One event of {@code type} that {@code consumer} took in, and what became of it. */
    public void consumed(String consumer, String type, Outcome outcome) {
        Counter.builder("lianluo.events.consumed").description("Events a consumer took in, by what became of them")
                .tag("consumer", consumer).tag("type", type).tag("outcome", outcome.label()).register(registry).increment();
    }

    /** One event of the incoming {@code channel} sent to its dead-letter topic. */
    public void deadLettered(String channel) {
        Counter.builder("lianluo.events.dead.lettered").description("Events sent to a dead-letter topic")
                .tag("channel", channel).register(registry).increment();
    }
}
