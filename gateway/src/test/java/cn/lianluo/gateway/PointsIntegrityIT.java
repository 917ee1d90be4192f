package cn.lianluo.gateway;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.TestTokens;
import cn.lianluo.common.time.Zones;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every point can be traced to a legitimate act of a legitimate person, counted once: receptions and activities name
 * only active deputies who belong to the place, a station entry is one per deputy, station and day, an appeal is
 * decided once, and a deputy without points is still in the ranking and the export.
 */
@QuarkusTest
@QuarkusTestResource(ServicesUnderTest.class)
class PointsIntegrityIT {

    /** 仁义镇 (桂阳县): its seeded deputies and stations are used by no other whole-suite test. */
    static final String TOWNSHIP = "431021102";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", TOWNSHIP);
    static final String COUNTY = TestTokens.bearer("SUPERVISOR", "431021");
    static final String STATION = SeedIds.of("station", "renyi-1").toString();
    static final LocalDate TODAY = LocalDate.now(Zones.CHINA);
    static final int YEAR = TODAY.getYear();

    static String seeded(String key) {
        return SeedIds.of("deputy", key).toString();
    }

    /** A deputy registered now through the gateway; returns the deputy's view. */
    static Map<String, Object> register(String name, String region) {
        return given().header("Authorization", TestTokens.bearer("ADMIN", region)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "gender", "MALE", "ethnicity", "汉族", "birthYear", 1975, "regionCode", region,
                        "phone", "1397" + String.format("%07d", Math.abs(name.hashCode()) % 10_000_000),
                        "mandates", List.of(Map.of("level", "TOWNSHIP", "term", 18, "termStart", "2021-12-01"))))
                .when().post("/api/v1/deputies").then().statusCode(201).extract().path("$");
    }

    static ExtractableResponse<Response> reception(String station, String date, List<String> deputies) {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("date", date, "deputyIds", deputies, "visitors", 3))
                .when().post("/api/v1/stations/" + station + "/receptions").then().extract();
    }

    static Map<String, Object> points(String deputy) {
        return given().header("Authorization", COUNTY).queryParam("year", YEAR).when().get("/api/v1/points/deputies/" + deputy)
                .then().statusCode(200).extract().path("$");
    }

    static int stationEntries(String deputy) {
        return ((Number) points(deputy).get("stationEntries")).intValue();
    }

    @SuppressWarnings("unchecked")
    static long ledgerEntries(String deputy, String kind, String factType) {
        return ((List<Map<String, Object>>) points(deputy).get("ledger")).stream()
                .filter(e -> kind == null || kind.equals(e.get("kind")))
                .filter(e -> factType == null || factType.equals(e.get("factType"))).count();
    }

    @Test
    void unknown_other_county_and_inactive_deputies_are_refused_422_naming_each_and_nothing_is_recorded() {
        String valid = seeded("renyi-t1");
        String unknown = UUID.randomUUID().toString();
        String otherCounty = seeded("biancheng-t3"); // 花垣县
        Map<String, Object> retiring = register("仁义镇离任测试代表", TOWNSHIP);
        String inactive = (String) retiring.get("id");
        @SuppressWarnings("unchecked")
        String mandate = ((List<Map<String, Object>>) retiring.get("mandates")).get(0).get("id").toString();
        given().header("Authorization", COUNTY).contentType(ContentType.JSON)
                .body(Map.of("status", "RESIGNED", "date", TODAY.toString(), "reason", "工作调动"))
                .when().post("/api/v1/deputies/" + inactive + "/mandates/" + mandate + "/end").then().statusCode(200);
        int before = given().header("Authorization", STAFF).when().get("/api/v1/stations/" + STATION + "/receptions")
                .then().statusCode(200).extract().path("total");

        // station-service learns of the resignation from deputy.events: until then the deputy is unknown to it
        List<String> named = List.of(valid, unknown, otherCounty, inactive);
        @SuppressWarnings("unchecked")
        ExtractableResponse<Response>[] refused = new ExtractableResponse[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            refused[0] = reception(STATION, TODAY.toString(), named);
            return refused[0].statusCode() == 422 && refused[0].asString().contains("no active mandate")
                    && !refused[0].<List<String>>path("errors.field").contains("deputyIds[0]");
        });
        assertThat(refused[0].contentType()).startsWith("application/problem+json");
        assertThat(refused[0].<List<String>>path("errors.field")).containsExactly("deputyIds[1]", "deputyIds[2]", "deputyIds[3]");
        List<String> messages = refused[0].path("errors.message");
        assertThat(messages.get(0)).contains(unknown);
        assertThat(messages.get(1)).contains(otherCounty);
        assertThat(messages.get(2)).contains(inactive);
        assertThat(given().header("Authorization", STAFF).when().get("/api/v1/stations/" + STATION + "/receptions")
                .then().extract().<Integer>path("total")).as("no reception recorded").isEqualTo(before);

        given().header("Authorization", STAFF).contentType(ContentType.JSON)
                .body(Map.of("kind", "SURVEY", "title", "产业调研", "regionCode", TOWNSHIP, "date", TODAY.toString(),
                        "participantDeputyIds", List.of(otherCounty, valid, unknown)))
                .when().post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("participantDeputyIds[0]", "participantDeputyIds[2]"));
        // the scope still comes first: staff of another county get 403, not a list of deputies
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "430822207")).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "deputyIds", named, "visitors", 1))
                .when().post("/api/v1/stations/" + STATION + "/receptions").then().statusCode(403);
    }

    @Test
    void a_deputy_whose_events_station_service_never_saw_is_known_again_after_a_republish() throws Exception {
        // an installation older than deputy.events' retention: station-service's copy lacks a deputy of before
        String deputy = (String) register("仁义镇补发测试代表", TOWNSHIP).get("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> reception(STATION, TODAY.toString(), List.of(deputy)).statusCode() == 201);
        try (var c = ServicesUnderTest.currentInfrastructure().connect("station_gw"); var delete = c.prepareStatement("DELETE FROM deputy_copy WHERE deputy_id = ?")) {
            delete.setObject(1, UUID.fromString(deputy));
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        assertThat(reception(STATION, TODAY.toString(), List.of(deputy)).statusCode()).isEqualTo(422);

        String admin = TestTokens.bearer("ADMIN", TOWNSHIP);
        given().header("Authorization", TestTokens.bearer("SUPERVISOR", TOWNSHIP)).queryParam("region", TOWNSHIP)
                .when().post("/api/v1/deputies/republish").then().statusCode(403);
        given().header("Authorization", admin).queryParam("region", "431021").when().post("/api/v1/deputies/republish")
                .then().statusCode(403);
        given().header("Authorization", admin).when().post("/api/v1/deputies/republish").then().statusCode(400)
                .contentType("application/problem+json");
        int sent = given().header("Authorization", admin).queryParam("region", TOWNSHIP).when().post("/api/v1/deputies/republish")
                .then().statusCode(200).extract().path("deputies");
        assertThat(sent).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> reception(STATION, TODAY.toString(), List.of(deputy)).statusCode() == 201);
    }

    @Test
    void a_reception_posted_three_times_for_one_deputy_station_and_date_counts_one_station_entry() {
        String deputy = seeded("renyi-t4");
        String station = SeedIds.of("station", "renyi-2").toString();
        int entriesBefore = stationEntries(deputy);
        long ledgerBefore = ledgerEntries(deputy, null, "STATION_ENTRY");
        String day = LocalDate.of(YEAR, 1, 1).toString();
        for (int i = 0; i < 3; i++) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reception(station, day, List.of(deputy)).statusCode() == 201);
        }
        // a fourth reception at the same station on another day, after the three: one station's events keep their
        // order, so once it is counted the three before it are too
        boolean sentinel = !TODAY.equals(LocalDate.of(YEAR, 1, 1));
        if (sentinel) {
            assertThat(reception(station, TODAY.toString(), List.of(deputy)).statusCode()).isEqualTo(201);
        }
        int expected = entriesBefore + 1 + (sentinel ? 1 : 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> stationEntries(deputy) >= expected);
        assertThat(stationEntries(deputy)).isEqualTo(expected);
        assertThat(ledgerEntries(deputy, null, "STATION_ENTRY")).isEqualTo(ledgerBefore + expected - entriesBefore);
        given().header("Authorization", COUNTY).queryParam("year", YEAR).when().get("/api/v1/deputies/" + deputy + "/dossier")
                .then().statusCode(200).body("stationEntryCount", org.hamcrest.Matchers.equalTo(expected));
    }

    /** Files a deputy's appeal for a station entry that is missing from the ledger; returns its id. */
    static String appealForMissingEntry(String deputy) {
        return given().header("Authorization", TestTokens.deputy(TOWNSHIP, deputy)).contentType(ContentType.JSON)
                .body(Map.of("year", YEAR, "factType", "STATION_ENTRY", "points", 1, "reason", "接待日进站未登记"))
                .when().post("/api/v1/points/appeals").then().statusCode(201).extract().path("id");
    }

    /** Both decisions started at the same moment; their statuses in the order given. */
    static List<Integer> decideAtOnce(String appeal, String first, String second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String decision : List.of(first, second)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", COUNTY).contentType(ContentType.JSON).body(Map.of("note", decision))
                            .when().post("/api/v1/points/appeals/" + appeal + "/" + decision).then().extract().statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_appeal_granted_twice_at_once_is_granted_once_and_a_granted_missing_entry_counts_as_a_station_entry() throws Exception {
        String deputy = seeded("renyi-t5");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", COUNTY).queryParam("year", YEAR)
                .when().get("/api/v1/points/deputies/" + deputy).statusCode() == 200);
        int entriesBefore = stationEntries(deputy);
        long appealsBefore = ledgerEntries(deputy, "APPEAL", null);
        int totalBefore = ((Number) points(deputy).get("total")).intValue();

        List<Integer> statuses = decideAtOnce(appealForMissingEntry(deputy), "grant", "grant");
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(ledgerEntries(deputy, "APPEAL", null)).as("one entry for the appeal").isEqualTo(appealsBefore + 1);
        assertThat(((Number) points(deputy).get("total")).intValue()).isEqualTo(totalBefore + 1);
        assertThat(stationEntries(deputy)).as("the granted missing entry is a station entry").isEqualTo(entriesBefore + 1);
    }

    @Test
    void an_appeal_granted_and_denied_at_once_is_decided_once() throws Exception {
        String deputy = seeded("renyi-t6");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", COUNTY).queryParam("year", YEAR)
                .when().get("/api/v1/points/deputies/" + deputy).statusCode() == 200);
        long appealsBefore = ledgerEntries(deputy, "APPEAL", null);
        String appeal = appealForMissingEntry(deputy);

        List<Integer> statuses = decideAtOnce(appeal, "grant", "deny");
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String status = given().header("Authorization", COUNTY).queryParam("region", TOWNSHIP).queryParam("size", 200)
                .when().get("/api/v1/points/appeals").then().statusCode(200).extract()
                .path("items.find { it.id == '" + appeal + "' }.status");
        assertThat(status).isEqualTo(statuses.get(0) == 200 ? "GRANTED" : "DENIED");
        assertThat(ledgerEntries(deputy, "APPEAL", null)).isEqualTo(appealsBefore + ("GRANTED".equals(status) ? 1 : 0));
    }

    @Test
    void the_ranking_and_the_export_list_an_active_deputy_without_points_with_0() {
        String region = "431228212"; // 大树坳乡
        String name = "大树坳零分测试代表";
        String deputy = (String) register(name, region).get("id");
        String office = TestTokens.bearer("SUPERVISOR", "431228");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", office).queryParam("year", YEAR)
                .when().get("/api/v1/points/deputies/" + deputy).statusCode() == 200);

        Map<String, Object> ranking = given().header("Authorization", office).queryParam("region", region).queryParam("year", YEAR)
                .queryParam("size", 200).when().get("/api/v1/points/ranking").then().statusCode(200).extract().path("$");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) ranking.get("items");
        assertThat(items).filteredOn(s -> deputy.equals(s.get("deputyId"))).singleElement()
                .satisfies(s -> assertThat(s.get("total")).isEqualTo(0));
        assertThat(((Number) ranking.get("total")).intValue()).isEqualTo(items.size());
        // every active seeded deputy of the township is ranked (10), with or without points
        assertThat(items).hasSizeGreaterThanOrEqualTo(11);

        String csv = given().header("Authorization", office).queryParam("region", region).queryParam("year", YEAR)
                .when().get("/api/v1/points/export").then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(line -> line.contains(deputy)).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains(name).contains("," + region + ",0,"));

        // and the quarter's published table (季度公示), frozen as it stands
        int quarter = (TODAY.getMonthValue() - 1) / 3 + 1;
        List<Map<String, Object>> published = given().header("Authorization", office).contentType("application/json")
                .body(Map.of("region", region, "year", YEAR, "quarter", quarter)).when().post("/api/v1/points/snapshots")
                .then().statusCode(201).extract().path("rows");
        assertThat(published).filteredOn(s -> deputy.equals(s.get("deputyId"))).singleElement()
                .satisfies(s -> assertThat(s.get("total")).isEqualTo(0));
        assertThat(published).hasSameSizeAs(items);
    }
}
