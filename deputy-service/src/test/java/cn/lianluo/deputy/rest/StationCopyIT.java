package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class StationCopyIT {

    @Inject
    EntityManager em;

    String nameOf(UUID station) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT name FROM station_copy WHERE station_id = ?1").setParameter(1, station)
                .getSingleResult());
    }

    @Test
    void the_local_copy_is_built_from_station_events_and_a_redelivery_changes_nothing() {
        UUID station = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String registered = Stations.registered(event, station, "界牌乡测试联络站", "431129200");
        TestEvents.publish(Stations.TOPIC, station.toString(), registered);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Stations.count(em, "SELECT count(*) FROM station_copy WHERE station_id = '" + station + "'") == 1);
        assertThat(Stations.count(em, "SELECT count(*) FROM processed_event WHERE event_id = '" + event + "'")).isEqualTo(1);

        // a renamed station, then the old registration delivered again: the rename stands
        String renamed = TestEvents.envelope(UUID.randomUUID(), "/lianluo/station-service", "lianluo.station.updated.v1",
                station.toString(), "431129200", "{\"stationId\":\"" + station
                        + "\",\"type\":\"STATION\",\"name\":\"界牌乡联络站(新)\",\"regionCode\":\"431129200\"}");
        TestEvents.publish(Stations.TOPIC, station.toString(), renamed);
        await().atMost(Duration.ofSeconds(30)).until(() -> "界牌乡联络站(新)".equals(nameOf(station)));
        TestEvents.publish(Stations.TOPIC, station.toString(), registered);
        UUID marker = Stations.announce(em, "标记站", "431129200");
        assertThat(marker).isNotNull();
        assertThat(nameOf(station)).isEqualTo("界牌乡联络站(新)");
        assertThat(Stations.count(em, "SELECT count(*) FROM processed_event WHERE event_id = '" + event + "'")).isEqualTo(1);
    }

    @Test
    void an_unreadable_event_does_not_stop_the_stations_behind_it() {
        try (KafkaTap deadLetters = KafkaTap.open(Stations.TOPIC + ".dlq")) {
            TestEvents.publish(Stations.TOPIC, "poison", "{not json at all");
            UUID after = Stations.announce(em, "毒消息之后的站", "431129200");
            assertThat(nameOf(after)).isEqualTo("毒消息之后的站");
            assertThat(deadLetters.await(r -> "{not json at all".equals(r.value()), Duration.ofSeconds(30)).key())
                    .isEqualTo("poison");
        }
    }
}
