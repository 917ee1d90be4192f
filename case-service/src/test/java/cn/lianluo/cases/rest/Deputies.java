package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Test helper: a deputy as deputy-service announces one on deputy.events, and waiting for case-service's copy. */
final class Deputies {

    private Deputies() {
    }

    static UUID announce(EntityManager em, String region, String level) {
        UUID deputy = UUID.randomUUID();
        TestEvents.publish("test.case-in.deputy.events", deputy.toString(), TestEvents.envelope(UUID.randomUUID(),
                "/lianluo/deputy-service", "lianluo.deputy.registered.v1", deputy.toString(), region,
                "{\"deputyId\":\"" + deputy + "\",\"name\":\"示例代表\",\"regionCode\":\"" + region + "\",\"active\":true,"
                        + "\"mandates\":[{\"level\":\"" + level + "\",\"term\":18,\"status\":\"ACTIVE\"}]}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("SELECT 1 FROM deputy_copy WHERE deputy_id = ?1").setParameter(1, deputy).getResultList().size()) == 1);
        return deputy;
    }
}
