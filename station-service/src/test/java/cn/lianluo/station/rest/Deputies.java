package cn.lianluo.station.rest;

import cn.lianluo.common.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Test helper: a deputy as deputy-service announces one on deputy.events, and waiting for station-service's copy. */
final class Deputies {

    static final String TOPIC = "test.station-in.deputy.events";

    private Deputies() {
    }

    /** An active deputy of {@code region}, assigned to {@code station} when one is named. */
    static UUID announce(EntityManager em, String region, String station) {
        UUID deputy = UUID.randomUUID();
        publish(deputy, region, "lianluo.deputy.registered.v1", "{\"deputyId\":\"" + deputy + "\",\"name\":\"示例代表\",\"regionCode\":\""
                + region + "\",\"active\":true,\"mandates\":[{\"level\":\"TOWNSHIP\",\"term\":18,\"status\":\"ACTIVE\"}]}");
        if (station != null) {
            publish(deputy, region, "lianluo.deputy.assigned.v1", "{\"deputyId\":\"" + deputy + "\",\"stationId\":\"" + station
                    + "\",\"home\":true,\"from\":\"2026-01-01\"}");
        }
        String stations = station == null ? "[]" : "[\"" + station + "\"]";
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT 1 FROM deputy_copy WHERE deputy_id = ?1 AND station_ids @> CAST(?2 AS jsonb)")
                        .setParameter(1, deputy).setParameter(2, stations).getResultList().size()) == 1);
        return deputy;
    }

    /** The deputy's last mandate ends: no longer active. */
    static void retire(EntityManager em, UUID deputy, String region) {
        publish(deputy, region, "lianluo.deputy.mandate-ended.v1", "{\"deputyId\":\"" + deputy + "\",\"regionCode\":\"" + region
                + "\",\"mandate\":{\"level\":\"TOWNSHIP\",\"term\":18,\"status\":\"RESIGNED\"},\"deputyActive\":false}");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT 1 FROM deputy_copy WHERE deputy_id = ?1 AND NOT active")
                        .setParameter(1, deputy).getResultList().size()) == 1);
    }

    private static void publish(UUID deputy, String region, String type, String data) {
        TestEvents.publish(TOPIC, deputy.toString(), TestEvents.envelope(UUID.randomUUID(), "/lianluo/deputy-service", type,
                deputy.toString(), region, data));
    }
}
