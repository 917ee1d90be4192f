package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.TestEvents;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Test helper: a station as station-service would announce it on station.events, and waiting for its copy. */
final class Stations {

    static final String TOPIC = "test.deputy-in.station.events";

    private Stations() {
    }

    static String registered(UUID eventId, UUID stationId, String name, String region) {
        return TestEvents.envelope(eventId, "/lianluo/station-service", "lianluo.station.registered.v1",
                stationId.toString(), region, "{\"stationId\":\"" + stationId + "\",\"type\":\"STATION\",\"name\":\""
                        + name + "\",\"regionCode\":\"" + region + "\",\"parentStationId\":null,\"standardMet\":false}");
    }

    /** Announces a new station and waits until deputy-service knows it. */
    static UUID announce(EntityManager em, String name, String region) {
        UUID station = UUID.randomUUID();
        TestEvents.publish(TOPIC, station.toString(), registered(UUID.randomUUID(), station, name, region));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(em,
                "SELECT count(*) FROM station_copy WHERE station_id = '" + station + "'") == 1);
        return station;
    }

    static long count(EntityManager em, String sql) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
