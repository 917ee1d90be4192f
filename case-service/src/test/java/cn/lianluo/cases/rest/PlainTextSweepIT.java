package cn.lianluo.cases.rest;

import cn.lianluo.cases.cases.service.PlainTextSweep;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Rows written in plain text by bulk SQL (bench/seed) or an earlier version end sealed, and read the same. */
@QuarkusTest
class PlainTextSweepIT {

    @Inject
    EntityManager em;
    @Inject
    PlainTextSweep sweep;

    @Test
    void a_case_inserted_in_plain_text_is_sealed_and_still_tracked_and_read_whole_by_its_handlers() {
        UUID id = UUID.randomUUID();
        String code = "LB" + String.format("%010d", (long) (Math.random() * 1e10));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO citizen_case (id, tracking_code, title, content, "
                        + "category, kind, urgent, region_code, channel, citizen_name, citizen_phone, status, received_at, created_by) "
                        + "VALUES (?1, ?2, '批量', '批量生成', 'PROPERTY', 'HELP', false, '433124108', 'ONLINE', '明文甲', '13866612345', "
                        + "'RECEIVED', now(), 'bench')").setParameter(1, id).setParameter(2, code).executeUpdate());
        sweep.tick();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("SELECT citizen_name, citizen_phone, "
                + "citizen_name_sealed || citizen_phone_sealed || citizen_phone_hash FROM citizen_case WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
        assertThat(row[0]).isNull();
        assertThat(row[1]).isNull();
        assertThat((String) row[2]).doesNotContain("13866612345").doesNotContain("明文甲");
        given().queryParam("phone", "13866612345").when().get("/api/v1/cases/track/" + code).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "433124108")).when().get("/api/v1/cases/" + id)
                .then().statusCode(200).body("citizen.phone", equalTo("13866612345")).body("citizen.name", equalTo("明文甲"));
        sweep.tick(); // twice changes nothing
        given().queryParam("phone", "13866612345").when().get("/api/v1/cases/track/" + code).then().statusCode(200);
    }
}
