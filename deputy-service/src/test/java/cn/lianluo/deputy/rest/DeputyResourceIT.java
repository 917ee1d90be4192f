package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DeputyResourceIT {

    static final String SUPERVISOR_SANGZHI = TestTokens.bearer("SUPERVISOR", "430822");

    @Inject
    EntityManager em;

    static Map<String, Object> deputy(String name, String region) {
        Map<String, Object> d = new HashMap<>();
        d.put("name", name);
        d.put("gender", "FEMALE");
        d.put("ethnicity", "白族");
        d.put("birthYear", 1982);
        d.put("party", "中共党员");
        d.put("occupationSector", "农民");
        d.put("electoralUnit", "刘家坪白族乡第3选区");
        d.put("regionCode", region);
        d.put("phone", "13912345678");
        d.put("mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01"),
                Map.of("level", "COUNTY", "term", 18, "termStart", "2021-11-15", "termEnd", "2026-11-14")));
        return d;
    }

    String register(Map<String, Object> body) {
        return given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/deputies").then().statusCode(201).extract().path("id");
    }

    @Test
    void cangshuipu_has_all_its_80_deputies_in_stations() {
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "430903"))
                .queryParam("region", "430903105")
                .when().get("/api/v1/deputies/coverage")
                .then().statusCode(200)
                .body("regionCode", equalTo("430903105"))
                .body("activeDeputies", equalTo(80))
                .body("assigned", equalTo(80))
                .body("shareAssigned", equalTo(1.0f));
    }

    @Test
    void a_person_who_is_a_county_and_a_township_deputy_is_one_deputy_with_two_mandates() {
        String id = register(deputy("测试双职代表", "430822207"));
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies/" + id)
                .then().statusCode(200)
                .body("mandates", hasSize(2))
                .body("mandates.level", hasItem("COUNTY"))
                .body("mandates.find { it.level == 'TOWNSHIP' }.levelName", equalTo("乡(镇)人大代表"))
                .body("phone", equalTo("13912345678"))
                .body("genderName", equalTo("女"))
                .body("active", equalTo(true));
    }

    @Test
    void lists_mask_the_phone_and_stay_inside_the_callers_region() {
        register(deputy("测试列表代表", "430822207"));
        given().header("Authorization", SUPERVISOR_SANGZHI).queryParam("q", "测试列表")
                .when().get("/api/v1/deputies")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].phone", equalTo("139****5678"))
                .body("items[0].levels", hasItem("TOWNSHIP"));
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies?size=200")
                .then().statusCode(200).body("items.regionCode", everyItem(startsWith("430822")));
        given().header("Authorization", SUPERVISOR_SANGZHI).queryParam("region", "430903")
                .when().get("/api/v1/deputies").then().statusCode(403);
        given().when().get("/api/v1/deputies").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_second_registration_of_the_same_person_is_a_conflict_and_writes_nothing() {
        register(deputy("测试重复代表", "430822207"));
        long before = Stations.count(em, "SELECT count(*) FROM deputy");
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(deputy("测试重复代表", "430822207"))
                .when().post("/api/v1/deputies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://lianluo.cn/problems/duplicate-deputy"));
        assertThat(Stations.count(em, "SELECT count(*) FROM deputy")).isEqualTo(before);
    }

    @Test
    void bad_registrations_name_their_fields() {
        var backwards = deputy("测试倒序任期", "430822207");
        backwards.put("mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01", "termEnd", "2020-01-01")));
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(backwards)
                .when().post("/api/v1/deputies")
                .then().statusCode(400).body("errors[0].field", equalTo("mandates[0].termEnd"));

        var elf = deputy("测试精灵", "430822207");
        elf.put("ethnicity", "精灵族");
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(elf)
                .when().post("/api/v1/deputies")
                .then().statusCode(400).body("errors[0].field", equalTo("ethnicity"));

        var none = deputy("测试无任期", "430822207");
        none.put("mandates", List.of());
        none.put("gender", "X");
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(none)
                .when().post("/api/v1/deputies")
                .then().statusCode(400).body("errors[0].field", equalTo("gender"));

        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(deputy("测试越界", "433124108"))
                .when().post("/api/v1/deputies")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822")).contentType(ContentType.JSON)
                .body(deputy("测试无权", "430822207"))
                .when().post("/api/v1/deputies")
                .then().statusCode(403);
    }

    @Test
    void deputies_go_into_stations_with_their_history_kept() {
        UUID township = Stations.announce(em, "刘家坪测试站", "430822207");
        UUID other = Stations.announce(em, "刘家坪测试村点", "430822207");
        UUID elsewhere = Stations.announce(em, "边城测试站", "433124108");
        String id = register(deputy("测试进站代表", "430822207"));

        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("stationId", township))
                .when().put("/api/v1/deputies/" + id + "/station")
                .then().statusCode(200).body("homeStationId", equalTo(township.toString()))
                .body("stations[0].stationName", equalTo("刘家坪测试站"));
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("stationId", other))
                .when().post("/api/v1/deputies/" + id + "/stations")
                .then().statusCode(200).body("stations", hasSize(2));
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("stationId", other))
                .when().put("/api/v1/deputies/" + id + "/station")
                .then().statusCode(200).body("homeStationId", equalTo(other.toString())).body("stations", hasSize(1));
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies/" + id + "/dossier")
                .then().statusCode(200)
                .body("assignments", hasSize(3))
                .body("assignments.findAll { it.until == null }", hasSize(1))
                .body("mandates", hasSize(2));

        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("stationId", elsewhere))
                .when().put("/api/v1/deputies/" + id + "/station")
                .then().statusCode(403);
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("stationId", UUID.randomUUID()))
                .when().put("/api/v1/deputies/" + id + "/station")
                .then().statusCode(422).body("type", equalTo("https://lianluo.cn/problems/unknown-station"));
        given().header("Authorization", SUPERVISOR_SANGZHI)
                .when().delete("/api/v1/deputies/" + id + "/stations/" + other)
                .then().statusCode(409);
    }

    @Test
    void a_deputy_reads_their_own_record_changes_only_their_contact_and_no_one_elses() {
        String me = register(deputy("测试本人代表", "430822207"));
        String someone = register(deputy("测试他人代表", "430822207"));
        String myToken = TestTokens.deputy("430822207", me);
        given().header("Authorization", myToken).when().get("/api/v1/deputies/" + me).then().statusCode(200);
        given().header("Authorization", myToken).when().get("/api/v1/deputies/" + someone).then().statusCode(403);
        given().header("Authorization", myToken).contentType(ContentType.JSON).body(Map.of("phone", "13700001111"))
                .when().put("/api/v1/deputies/" + me + "/contact")
                .then().statusCode(200).body("phone", equalTo("13700001111"));
        given().header("Authorization", myToken).contentType(ContentType.JSON).body(Map.of("phone", "13700001111"))
                .when().put("/api/v1/deputies/" + someone + "/contact")
                .then().statusCode(403);
        var profile = deputy("测试本人代表", "430822207");
        profile.remove("mandates");
        profile.remove("regionCode");
        given().header("Authorization", myToken).contentType(ContentType.JSON).body(profile)
                .when().put("/api/v1/deputies/" + me)
                .then().statusCode(403);
    }

    @Test
    void the_last_mandate_ending_ends_the_stations_and_events_never_carry_a_whole_phone() {
        UUID station = Stations.announce(em, "刘家坪届满测试站", "430822207");
        var body = deputy("测试届满代表", "430822207");
        body.put("mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01")));
        body.put("homeStationId", station.toString());
        Map<String, Object> before = dashboardFigures();
        try (KafkaTap tap = KafkaTap.open("test.deputy.events")) {
            String id = register(body);
            // the dashboard counts the new deputy (active, a township deputy, in a station) at once
            Map<String, Object> registered = dashboardFigures();
            assertThat(registered.get("total")).isEqualTo((Integer) before.get("total") + 1);
            assertThat(registered.get("assigned")).isEqualTo((Integer) before.get("assigned") + 1);
            assertThat(registered.get("TOWNSHIP")).isEqualTo((Integer) before.get("TOWNSHIP") + 1);
            assertThat(registered.get("COUNTY")).isEqualTo(before.get("COUNTY"));
            String mandate = given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies/" + id)
                    .then().extract().path("mandates[0].id");
            given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("status", "RESIGNED", "date", "2026-06-30", "reason", "工作调动"))
                    .when().post("/api/v1/deputies/" + id + "/mandates/" + mandate + "/end")
                    .then().statusCode(200)
                    .body("active", equalTo(false))
                    .body("mandates[0].statusName", equalTo("辞去代表职务"))
                    .body("stations", hasSize(0));
            given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("status", "RESIGNED", "date", "2026-06-30"))
                    .when().post("/api/v1/deputies/" + id + "/mandates/" + mandate + "/end")
                    .then().statusCode(409);
            // and no longer once the mandate has ended (and with it the station)
            assertThat(dashboardFigures()).isEqualTo(before);

            var registeredEvent = tap.await(r -> id.equals(r.key()) && r.value().contains("deputy.registered.v1"), Duration.ofSeconds(20));
            assertThat(registeredEvent.value()).contains("139****5678").doesNotContain("13912345678");
            tap.await(r -> id.equals(r.key()) && r.value().contains("deputy.assigned.v1"), Duration.ofSeconds(20));
            tap.await(r -> id.equals(r.key()) && r.value().contains("deputy.mandate-ended.v1"), Duration.ofSeconds(20));
            tap.await(r -> id.equals(r.key()) && r.value().contains("deputy.unassigned.v1"), Duration.ofSeconds(20));
            assertThat(tap.drain(Duration.ofMillis(500))).noneMatch(r -> r.value().contains("13912345678"));
        }
    }

    @Test
    void every_event_deputy_service_produces_keeps_the_event_contract() {
        UUID station = Stations.announce(em, "刘家坪契约测试站", "430822207");
        var body = deputy("测试契约代表", "430822207");
        body.put("homeStationId", station.toString());
        try (KafkaTap tap = KafkaTap.open("test.deputy.events")) {
            String id = register(body);
            var profile = deputy("测试契约代表", "430822207");
            profile.remove("mandates");
            profile.remove("regionCode");
            given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(profile)
                    .when().put("/api/v1/deputies/" + id).then().statusCode(200);
            given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("level", "CITY", "term", 8, "termStart", "2022-01-10"))
                    .when().post("/api/v1/deputies/" + id + "/mandates").then().statusCode(200);
            String group = given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                    .body(Map.of("kind", "REGION_GROUP", "name", "刘家坪契约测试代表小组", "regionCode", "430822207"))
                    .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
            String member = given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("deputyId", id))
                    .when().post("/api/v1/groups/" + group + "/members").then().statusCode(200).extract().path("members[0].id");
            given().header("Authorization", SUPERVISOR_SANGZHI)
                    .when().delete("/api/v1/groups/" + group + "/members/" + member).then().statusCode(200);
            List<String> mandates = given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies/" + id)
                    .then().extract().path("mandates.id");
            for (String mandate : mandates) {
                given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                        .body(Map.of("status", "TERM_ENDED", "date", "2026-06-30"))
                        .when().post("/api/v1/deputies/" + id + "/mandates/" + mandate + "/end").then().statusCode(200);
            }

            Set<String> types = EventSchemas.typesOf("deputy.events");
            assertThat(types).hasSize(8);
            for (String type : types) {
                tap.await(r -> id.equals(r.key()) && r.value().contains("\"type\":\"" + type + "\""), Duration.ofSeconds(20));
            }
            Set<String> seen = new TreeSet<>();
            for (var record : tap.drain(Duration.ofMillis(500))) {
                EventSchemas.assertValid(record);
                seen.add(record.value().replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"));
            }
            assertThat(seen).isEqualTo(types);
        }
    }

    @Test
    void groups_hold_deputies_and_experts_of_a_team() {
        String id = register(deputy("测试小组代表", "430822207"));
        String group = given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("kind", "EXPERT_TEAM", "name", "刘家坪农业代表+专家团队", "regionCode", "430822207"))
                .when().post("/api/v1/groups").then().statusCode(201).body("kindName", equalTo("代表+专家团队"))
                .extract().path("id");
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("deputyId", id))
                .when().post("/api/v1/groups/" + group + "/members").then().statusCode(200).body("members", hasSize(1));
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("expert", Map.of("name", "示例专家", "field", "柑橘种植", "organisation", "县农业农村局")))
                .when().post("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("members.expert.field", hasItem("柑橘种植"));
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON).body(Map.of("deputyId", id))
                .when().post("/api/v1/groups/" + group + "/members").then().statusCode(409);
        String theme = given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("kind", "REGION_GROUP", "name", "刘家坪代表小组", "regionCode", "430822207"))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("expert", Map.of("name", "示例专家")))
                .when().post("/api/v1/groups/" + theme + "/members").then().statusCode(422);
        given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("kind", "THEME_GROUP", "name", "无主题小组", "regionCode", "430822207"))
                .when().post("/api/v1/groups").then().statusCode(400).body("errors[0].field", equalTo("theme"));
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/deputies/" + id + "/dossier")
                .then().statusCode(200).body("groups[0].name", containsString("代表+专家"));
    }

    @Test
    void a_group_is_read_in_scope_and_a_member_leaves_it_once() {
        String id = register(deputy("测试退组代表", "430822207"));
        String group = given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("kind", "REGION_GROUP", "name", "刘家坪第二代表小组", "regionCode", "430822207"))
                .when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        String member = given().header("Authorization", SUPERVISOR_SANGZHI).contentType(ContentType.JSON)
                .body(Map.of("deputyId", id))
                .when().post("/api/v1/groups/" + group + "/members").then().statusCode(200).extract().path("members[0].id");
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/groups/" + group)
                .then().statusCode(200).body("name", equalTo("刘家坪第二代表小组"))
                .body("members.deputyName", hasItem("测试退组代表"));
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433124")).when().get("/api/v1/groups/" + group)
                .then().statusCode(403);
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/groups/" + UUID.randomUUID())
                .then().statusCode(404);

        try (KafkaTap tap = KafkaTap.open("test.deputy.events")) {
            given().header("Authorization", TestTokens.bearer("SUPERVISOR", "433124"))
                    .when().delete("/api/v1/groups/" + group + "/members/" + member).then().statusCode(403);
            given().header("Authorization", SUPERVISOR_SANGZHI)
                    .when().delete("/api/v1/groups/" + group + "/members/" + member)
                    .then().statusCode(200)
                    .body("members[0].leftOn", equalTo(LocalDate.now(Zones.CHINA).toString()));
            given().header("Authorization", SUPERVISOR_SANGZHI)
                    .when().delete("/api/v1/groups/" + group + "/members/" + member)
                    .then().statusCode(409).contentType("application/problem+json");
            given().header("Authorization", SUPERVISOR_SANGZHI)
                    .when().delete("/api/v1/groups/" + group + "/members/" + UUID.randomUUID()).then().statusCode(404);
            var left = tap.await(r -> id.equals(r.key()) && r.value().contains("deputy.group-left.v1"), Duration.ofSeconds(20));
            assertThat(left.value()).contains(group);
        }
    }

    @Test
    void a_bad_value_in_a_query_or_path_parameter_is_a_400_naming_it() {
        given().header("Authorization", SUPERVISOR_SANGZHI).queryParam("active", "maybe").when().get("/api/v1/deputies")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("active"));
        given().header("Authorization", SUPERVISOR_SANGZHI).when().get("/api/v1/groups/xyz")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().header("Authorization", SUPERVISOR_SANGZHI)
                .when().delete("/api/v1/groups/" + UUID.randomUUID() + "/members/not-a-uuid")
                .then().statusCode(400).body("errors[0].field", equalTo("memberId"));
        given().header("Authorization", SUPERVISOR_SANGZHI).queryParam("active", "false").queryParam("region", "430822207")
                .when().get("/api/v1/deputies").then().statusCode(200).body("items.active", everyItem(equalTo(false)));
    }

    /** 刘家坪's figures on the dashboard (deputies, assigned, by level) and in the coverage, which must agree. */
    private static Map<String, Object> dashboardFigures() {
        var statistics = given().header("Authorization", SUPERVISOR_SANGZHI).queryParam("region", "430822")
                .when().get("/api/v1/deputies/statistics").then().statusCode(200).extract().jsonPath();
        Map<String, Object> township = statistics.getMap("children.find { it.regionCode == '430822207' }");
        var coverage = given().header("Authorization", SUPERVISOR_SANGZHI).queryParam("region", "430822207")
                .when().get("/api/v1/deputies/coverage").then().statusCode(200).extract().jsonPath();
        Map<String, Object> figures = new HashMap<>();
        figures.put("total", township == null ? 0 : township.get("total"));
        figures.put("assigned", township == null ? 0 : township.get("assigned"));
        @SuppressWarnings("unchecked")
        Map<String, Object> byLevel = township == null ? Map.of() : (Map<String, Object>) township.get("byLevel");
        figures.put("TOWNSHIP", byLevel.getOrDefault("TOWNSHIP", 0));
        figures.put("COUNTY", byLevel.getOrDefault("COUNTY", 0));
        assertThat(coverage.getInt("activeDeputies")).isEqualTo(figures.get("total"));
        assertThat(coverage.getInt("assigned")).isEqualTo(figures.get("assigned"));
        return figures;
    }
}
