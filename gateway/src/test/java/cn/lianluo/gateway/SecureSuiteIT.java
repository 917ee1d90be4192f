package cn.lianluo.gateway;

import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole suite on production's kind of connections (./suite infra --secure): every service reaches Kafka over
 * SASL_SSL as its own SCRAM user and PostgreSQL over TLS with sslmode=verify-full. A deputy registered through the
 * gateway crosses deputy.events to station-service, whose reception crosses station.events to scoring-service's
 * points; every connection the services hold to their databases is encrypted; a client without the right login is
 * turned away by the broker. The stories run again on the same connections in the Secure*IT classes (the same tests,
 * this profile); Quarkus runs the classes of one profile together, so the secure services start once.
 */
@QuarkusTest
@TestProfile(SecureSuiteIT.Secure.class)
class SecureSuiteIT {

    /** The secure servers in place of the plain ones, and none of the global ServicesUnderTest. */
    public static class Secure implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SecureServicesUnderTest.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** 仁义镇 (桂阳县), as in PointsIntegrityIT: here on databases of its own. */
    static final String TOWNSHIP = "431021102";
    static final String STATION = cn.lianluo.common.events.SeedIds.of("station", "renyi-1").toString();

    @Test
    void events_cross_the_sasl_ssl_broker_and_the_consumers_act_on_them() {
        String deputy = given().header("Authorization", TestTokens.bearer("ADMIN", TOWNSHIP)).contentType(ContentType.JSON)
                .body(Map.of("name", "仁义镇加密连接测试代表", "gender", "FEMALE", "ethnicity", "汉族", "birthYear", 1980,
                        "regionCode", TOWNSHIP, "phone", "13970001234",
                        "mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01"))))
                .when().post("/api/v1/deputies").then().statusCode(201).extract().path("id");
        String today = LocalDate.now(Zones.CHINA).toString();
        // station-service takes the reception once deputy.events has brought it the deputy
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", TestTokens.bearer("STATION_STAFF", TOWNSHIP))
                .contentType(ContentType.JSON).body(Map.of("date", today, "deputyIds", List.of(deputy), "visitors", 2))
                .when().post("/api/v1/stations/" + STATION + "/receptions").then().extract().statusCode() == 201);
        // and scoring-service counts it from station.events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given()
                .header("Authorization", TestTokens.bearer("SUPERVISOR", "431021"))
                .queryParam("year", LocalDate.now(Zones.CHINA).getYear())
                .when().get("/api/v1/points/deputies/" + deputy).then().statusCode(200).extract().<Integer>path("stationEntries"))
                .isEqualTo(1));
    }

    @Test
    void every_connection_a_service_holds_to_its_database_is_encrypted() throws Exception {
        TestInfrastructure secure = ServicesUnderTest.currentInfrastructure();
        assertThat(secure.dbPort()).as("the run is on the secure PostgreSQL").isEqualTo(TestInfrastructure.SECURE_DB_PORT);
        try (Connection c = secure.connect("postgres"); var query = c.prepareStatement("""
                SELECT count(*), count(*) FILTER (WHERE s.ssl) FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid)
                WHERE a.datname = ?""")) {
            for (String database : List.of("station_gw", "deputy_gw", "cases_gw", "scoring_gw", "notification_gw")) {
                query.setString(1, database);
                try (ResultSet r = query.executeQuery()) {
                    r.next();
                    assertThat(r.getLong(1)).as("connections to " + database).isPositive();
                    assertThat(r.getLong(2)).as("encrypted connections to " + database).isEqualTo(r.getLong(1));
                }
            }
        }
    }

    @Test
    void a_client_without_the_right_login_is_refused_by_the_broker() throws Exception {
        TestInfrastructure secure = ServicesUnderTest.currentInfrastructure();
        String ca = (String) secure.kafkaAdmin().get("ssl.truststore.location");
        // the admin's own login is taken: the refusals below are the credentials', not the broker's being away
        try (Admin admin = Admin.create(secure.kafkaAdmin())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).anyMatch(t -> t.endsWith("station.events"));
        }
        Map<String, Object> wrong = new HashMap<>(TestInfrastructure.kafkaLogin(ca, "station-service", "not-its-password"));
        wrong.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secure.kafka());
        assertThatThrownBy(() -> listTopics(wrong)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("invalid credentials");
        Map<String, Object> stranger = new HashMap<>(TestInfrastructure.kafkaLogin(ca, "nobody", "guess"));
        stranger.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, secure.kafka());
        assertThatThrownBy(() -> listTopics(stranger)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(SaslAuthenticationException.class);
    }

    private static void listTopics(Map<String, Object> config) throws Exception {
        try (Admin admin = Admin.create(config)) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
