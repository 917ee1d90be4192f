package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Test helper: regions an ADMIN's import added, as station-service announces them, and waiting for case-service. */
final class Regions {

    static final String TOPIC = "test.case-in.station.events";

    private Regions() {
    }

    /** Announces the codes as added under {@code top} and waits until case-service knows them all. */
    static void announce(EntityManager em, String top, List<String> codes) {
        String list = codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        TestEvents.publish(TOPIC, top, TestEvents.envelope(UUID.randomUUID(), "/lianluo/station-service",
                "lianluo.station.regions-added.v1", top, top, "{\"regionCode\":\"" + top + "\",\"codes\":[" + list + "]}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM region_added WHERE code IN (:codes)").setParameter("codes", codes)
                .getSingleResult()).intValue()) == codes.size());
    }
}
