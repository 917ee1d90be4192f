package cn.lianluo.common.outbox;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * How the service's events are getting out: the topic, the rows waiting in the outbox, and whether the relay's last
 * pass reached Kafka. Served at {@code /q/health/group/events} only, never in liveness or readiness: while the broker
 * is down a pod still takes every write (the rows wait in the outbox), so taking it out of the Service or restarting it
 * would only turn a late event into a failed request. DOWN here says "events are late", for people and monitoring.
 * {@code pending} counts the service's rows (all replicas share them); the relay's failure is this replica's, and only
 * the replica whose turn it is tries Kafka, so with several replicas read it on each, or watch {@code pending}.
 */
@HealthGroup("events")
@ApplicationScoped
public class EventsHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final EventsConfig config;
    private final EventTopic topic;

    public EventsHealth(OutboxRelay relay, EventsConfig config, EventTopic topic) {
        this.relay = relay;
        this.config = config;
        this.topic = topic;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("events").up()
                .withData("topic", config.topic())
                .withData("topicChecked", topic.ready());
        try {
            response.withData("pending", relay.pending());
        } catch (RuntimeException e) {
            response.down().withData("pending", "unknown: " + e.getMessage());
        }
        relay.failingSince().ifPresent(since -> response.down()
                .withData("relayFailingSince", since.toString())
                .withData("relayFailure", relay.failure().orElse("")));
        return response.build();
    }
}
