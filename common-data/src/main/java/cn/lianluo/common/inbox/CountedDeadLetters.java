package cn.lianluo.common.inbox;

import cn.lianluo.common.metrics.EventMeters;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.function.BiConsumer;

/**
 * The failure strategy of every incoming channel ({@code failure-strategy=counted-dead-letter-queue}): SmallRye's
 * dead-letter queue, which sends the event to the channel's {@code dead-letter-queue.topic} with the reason, and a
 * count of each event it sent there ({@code lianluo_events_dead_lettered_total{channel}}), whatever threw it — an
 * envelope the {@link Inbox} could not read included.
 */
@ApplicationScoped
@Identifier(CountedDeadLetters.STRATEGY)
public class CountedDeadLetters implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "counted-dead-letter-queue";

    private final Instance<KafkaFailureHandler.Factory> strategies;
    private final EventMeters meters;

    public CountedDeadLetters(@Any Instance<KafkaFailureHandler.Factory> strategies, EventMeters meters) {
        this.strategies = strategies;
        this.meters = meters;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler queue = strategies.select(Identifier.Literal.of(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE))
                .get().create(config, vertx, consumer, reportFailure);
        String channel = config.getChannel();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return queue.handle(record, reason, metadata).invoke(() -> meters.deadLettered(channel));
            }

            @Override
            public void terminate() {
                queue.terminate();
            }
        };
    }
}
