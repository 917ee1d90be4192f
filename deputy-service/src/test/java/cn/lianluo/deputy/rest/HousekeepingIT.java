package cn.lianluo.deputy.rest;

import cn.lianluo.common.data.StartupLock;
import cn.lianluo.common.outbox.EventsConfig;
import cn.lianluo.common.outbox.ProcessedEvents;
import cn.lianluo.common.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The tables that would grow forever are pruned, and the start-up lock is not waited for forever. */
@QuarkusTest
class HousekeepingIT {

    private static final String OLD_CONSUMER = "housekeeping-it-old";

    @Inject
    EntityManager em;

    @Inject
    ProcessedEvents processed;

    @Inject
    EventsConfig events;

    @Inject
    StartupLock startupLock;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ids_older_than_the_retention_are_pruned_in_batches_and_a_redelivery_within_it_still_changes_nothing() {
        UUID station = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String registered = Stations.registered(event, station, "高村乡修剪测试联络站", "431129200");
        TestEvents.publish(Stations.TOPIC, station.toString(), registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> nameOf(station) != null);

        // ids applied long ago, more than two batches of them
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO processed_event (consumer, event_id, processed_at)
                        SELECT ?1, gen_random_uuid(), now() - interval '500 days' FROM generate_series(1, 12000)""")
                .setParameter(1, OLD_CONSUMER).executeUpdate());
        long before = Stations.count(em, "SELECT count(*) FROM processed_event");

        int deleted = processed.prune(Instant.now().minus(events.keepProcessed()));

        assertThat(deleted).as("ids older than %s", events.keepProcessed()).isGreaterThanOrEqualTo(12000);
        assertThat(Stations.count(em, "SELECT count(*) FROM processed_event WHERE consumer = '" + OLD_CONSUMER + "'"))
                .isZero();
        assertThat(Stations.count(em, "SELECT count(*) FROM processed_event")).isEqualTo(before - deleted);
        assertThat(Stations.count(em, "SELECT count(*) FROM processed_event WHERE event_id = '" + event + "'"))
                .as("an id within the retention stays").isEqualTo(1);

        // renamed, then the registration delivered again: it is still known, so the rename stands
        String renamed = TestEvents.envelope(UUID.randomUUID(), "/lianluo/station-service", "lianluo.station.updated.v1",
                station.toString(), "431129200", "{\"stationId\":\"" + station
                        + "\",\"type\":\"STATION\",\"name\":\"高村乡联络站(更名)\",\"regionCode\":\"431129200\"}");
        TestEvents.publish(Stations.TOPIC, station.toString(), renamed);
        await().atMost(Duration.ofSeconds(30)).until(() -> "高村乡联络站(更名)".equals(nameOf(station)));
        TestEvents.publish(Stations.TOPIC, station.toString(), registered);
        assertThat(Stations.announce(em, "修剪之后的标记站", "431129200")).isNotNull();
        assertThat(nameOf(station)).isEqualTo("高村乡联络站(更名)");
    }

    @Test
    void a_start_up_lock_held_elsewhere_is_given_up_after_the_timeout_and_taken_once_it_is_free() throws Exception {
        String name = "housekeeping-it-" + UUID.randomUUID();
        AtomicBoolean ran = new AtomicBoolean();
        try (Connection other = dataSource.getConnection()) {
            advisory(other, "SELECT pg_advisory_lock(hashtext(?))", name);
            assertThatThrownBy(() -> startupLock.run(name, Duration.ofMillis(300), () -> ran.set(true)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("still held by another instance");
            assertThat(ran).as("the work waits for the lock").isFalse();
            advisory(other, "SELECT pg_advisory_unlock(hashtext(?))", name);
        }
        startupLock.run(name, Duration.ofMillis(300), () -> ran.set(true));
        assertThat(ran).as("the work runs once the lock is free").isTrue();
    }

    String nameOf(UUID station) {
        List<?> names = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT name FROM station_copy WHERE station_id = ?1").setParameter(1, station)
                .getResultList());
        return names.isEmpty() ? null : (String) names.get(0);
    }

    private static void advisory(Connection c, String sql, String name) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            s.execute();
        }
    }
}
