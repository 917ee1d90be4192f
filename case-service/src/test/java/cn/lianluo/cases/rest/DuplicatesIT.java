package cn.lianluo.cases.rest;

import cn.lianluo.common.events.SeedIds;
import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * 重复件 against the real PostgreSQL (pg_trgm) and Kafka: a second case from the same phone is flagged as a possible
 * duplicate of the open one and merged into it, and both citizens' tracking pages show the one answer; a case of the
 * same place and a similar text is flagged and unlinked; a place is both coordinates within China or none.
 */
@QuarkusTest
class DuplicatesIT {

    static final String TOPIC = "test.case.events";
    static final String REGION = "433124108"; // 边城镇, 花垣县
    static final UUID COUNTY_HOUSING = SeedIds.of("unit", "housing-433124");
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);
    static final String HOUSING_HANDLER = TestTokens.handler("433124", COUNTY_HOUSING.toString());
    static final String CONTENT = "茶峒路中段路面塌陷,坑有一米多宽,晚上看不清,已经有摩托车摔倒,请尽快处理。";

    /** A place of this run's own, so cases left open by earlier runs are farther than 200 m and at another address. */
    final double lat = 28.3 + ThreadLocalRandom.current().nextInt(10_000) * 0.001;
    final double lng = 109.3 + ThreadLocalRandom.current().nextInt(10_000) * 0.001;
    final String address = "边城镇茶峒路" + ThreadLocalRandom.current().nextInt(1_000_000) + "号";

    static Map<String, Object> body(String title, String content, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("content", content);
        body.put("category", "INFRASTRUCTURE");
        body.put("kind", "HELP");
        body.put("regionCode", REGION);
        body.put("channel", "ONLINE");
        body.put("citizen", Map.of("name", "龙秀英", "phone", phone));
        return body;
    }

    static ValidatableResponse submit(Map<String, Object> body) {
        return given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then();
    }

    static String submitted(Map<String, Object> body) {
        return submit(body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse command(String id, String command, Map<String, Object> body, String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + command).then();
    }

    static ValidatableResponse read(String id) {
        return given().header("Authorization", STAFF).when().get("/api/v1/cases/" + id).then().statusCode(200);
    }

    static ValidatableResponse track(String id, String phone) {
        String code = read(id).extract().path("trackingCode");
        return given().when().get("/api/v1/cases/track/" + code + "?phone=" + phone).then().statusCode(200);
    }

    Map<String, Object> placed(Map<String, Object> body, double northMetres) {
        body.put("address", address);
        body.put("lat", lat + northMetres / 111_320);
        body.put("lng", lng);
        return body;
    }

    @Test
    void a_second_case_from_the_same_phone_is_flagged_merged_and_answered_with_the_first() {
        String phone = TestPhones.unused();
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String open = submitted(placed(body("茶峒路路面塌陷", CONTENT, phone), 0));
            read(open).body("possibleDuplicateOf", nullValue()).body("address", equalTo(address))
                    .body("lat", notNullValue()).body("allowedCommands", not(hasItem("merge")));
            // another title, no place: the same phone is enough
            String again = submitted(body("路面塌陷还没人管", "上周反映的塌陷还在,又来问一次。", phone));
            read(again).body("possibleDuplicateOf", equalTo(open)).body("mergedInto", nullValue())
                    .body("allowedCommands", hasItems("merge", "unlink"));
            // staff see the flag, the citizen does not
            track(again, phone).body("$", not(hasKey("possibleDuplicateOf"))).body("status", equalTo("RECEIVED"));

            // bad merges: no target, itself, an unknown case, a unit's handler; the open case is not flagged
            command(again, "merge", Map.of(), STAFF).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("intoCaseId"));
            command(again, "merge", Map.of("intoCaseId", again), STAFF).statusCode(422)
                    .body("type", equalTo("https://lianluo.cn/problems/merge-into-itself"));
            command(again, "merge", Map.of("intoCaseId", UUID.randomUUID()), STAFF).statusCode(422)
                    .body("type", equalTo("https://lianluo.cn/problems/unknown-case"))
                    .body("errors[0].field", equalTo("intoCaseId"));
            command(again, "merge", Map.of("intoCaseId", open), HOUSING_HANDLER).statusCode(403);
            command(open, "unlink", Map.of(), STAFF).statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("https://lianluo.cn/problems/not-a-possible-duplicate"));

            command(again, "merge", Map.of("intoCaseId", open, "note", "同一塌陷点"), STAFF).statusCode(200)
                    .body("status", equalTo("MERGED")).body("statusName", equalTo("已合并办理"))
                    .body("mergedInto", equalTo(open)).body("possibleDuplicateOf", nullValue())
                    .body("allowedCommands", empty())
                    .body("deadlines.ASSIGN.metAt", notNullValue())
                    .body("timeline.action", equalTo(List.of("RECEIVED", "MERGE")));
            // the end of a duplicate: nothing more, not even a second merge
            command(again, "merge", Map.of("intoCaseId", open), STAFF).statusCode(409)
                    .body("type", equalTo("https://lianluo.cn/problems/illegal-transition"));
            command(again, "assign", Map.of("unitId", COUNTY_HOUSING, "reason", "x"), STAFF).statusCode(409);

            // the open case is handled and answered; both citizens see the answer, the result and the unit
            command(open, "assign", Map.of("unitId", COUNTY_HOUSING, "reason", "县住建局负责道路维修"), STAFF).statusCode(200);
            command(open, "accept", Map.of(), HOUSING_HANDLER).statusCode(200);
            command(open, "complete", Map.of("result", "已回填修复塌陷路面"), HOUSING_HANDLER).statusCode(200);
            command(open, "reply", Map.of("content", "塌陷处已于本周修复,感谢反映。"), HOUSING_HANDLER).statusCode(200);
            track(open, phone).body("reply.content", equalTo("塌陷处已于本周修复,感谢反映。"))
                    .body("result.content", equalTo("已回填修复塌陷路面"));
            track(again, phone).body("status", equalTo("MERGED"))
                    .body("reply.content", equalTo("塌陷处已于本周修复,感谢反映。"))
                    .body("result.content", equalTo("已回填修复塌陷路面"))
                    .body("unitName", equalTo("花垣县住房和城乡建设局"))
                    .body("timeline.action", equalTo(List.of("RECEIVED", "MERGE")))
                    .body("timeline[1].actionName", equalTo("合并办理"))
                    // staff's note is theirs
                    .body("timeline[1].content", nullValue())
                    .body("canRate", equalTo(false));

            tap.await(r -> again.equals(r.key()) && r.value().contains("\"type\":\"lianluo.case.merged.v1\""),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> events = tap.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> again.equals(r.key())).toList();
            assertThat(events).extracting(r -> r.value().replaceAll(".*\"type\":\"lianluo\\.case\\.([a-z-]+)\\.v1\".*", "$1"))
                    .containsExactly("received", "merged");
            events.forEach(EventSchemas::assertValid);
            assertThat(events.get(1).value()).contains("\"mergedInto\":\"" + open + "\"").contains("\"status\":\"MERGED\"");
            assertThat(events.get(0).value()).doesNotContain("mergedInto");
        }
    }

    static ValidatableResponse figures() {
        return given().header("Authorization", STAFF).when().get("/api/v1/cases/statistics?region=" + REGION)
                .then().statusCode(200);
    }

    static long figure(ValidatableResponse statistics, String name) {
        return ((Number) statistics.extract().path("total." + name)).longValue();
    }

    @Test
    void a_merged_case_counts_once_its_target_records_the_merge_and_its_citizen_rates_the_target_s_answer() {
        String phone = TestPhones.unused();
        ValidatableResponse before = figures();
        String open = submitted(body("河堤护栏缺失", "河堤边护栏缺了三米,孩子上学经过很危险。", phone));
        String again = submitted(body("护栏还没装", "河堤护栏的事还没人管。", phone));
        ValidatableResponse flagged = figures();
        assertThat(figure(flagged, "received")).isEqualTo(figure(before, "received") + 2);
        assertThat(figure(flagged, "merged")).isEqualTo(figure(before, "merged"));

        command(again, "merge", Map.of("intoCaseId", open, "note", "同一处护栏"), STAFF).statusCode(200);
        // a matter counts once: the merged case leaves received and is counted apart
        ValidatableResponse merged = figures();
        assertThat(figure(merged, "received")).isEqualTo(figure(before, "received") + 1);
        assertThat(figure(merged, "merged")).isEqualTo(figure(before, "merged") + 1);
        // the case merged into records which duplicate was merged into it, and who did it; its citizen is not told
        read(open).body("timeline.action", equalTo(List.of("RECEIVED", "DUPLICATE_MERGED_IN")))
                .body("timeline[1].actionName", equalTo("重复件合并至本件"))
                .body("timeline[1].note", containsString(again)).body("timeline[1].note", containsString("同一处护栏"))
                .body("timeline[1].actorRole", equalTo("STATION_STAFF"));
        track(open, phone).body("timeline.action", equalTo(List.of("RECEIVED")));

        String code = read(again).extract().path("trackingCode");
        Map<String, Object> rating = Map.of("phone", phone, "satisfaction", "SATISFIED", "comment", "修好了");
        // not before the case merged into is closed: answered, its own citizen's rating may still reopen it
        track(again, phone).body("canRate", equalTo(false));
        given().contentType(ContentType.JSON).body(rating).when().post("/api/v1/cases/track/" + code + "/rating")
                .then().statusCode(409).body("type", equalTo("https://lianluo.cn/problems/not-replied"));
        command(open, "answer", Map.of("content", "护栏已补装。"), STAFF).statusCode(200);
        track(again, phone).body("canRate", equalTo(false)).body("reply.content", equalTo("护栏已补装。"));
        command(open, "close", Map.of("note", "电话回访,已补装"), STAFF).statusCode(200).body("status", equalTo("CLOSED"));
        track(again, phone).body("canRate", equalTo(true));
        given().contentType(ContentType.JSON).body(rating).when().post("/api/v1/cases/track/" + code + "/rating")
                .then().statusCode(200).body("status", equalTo("MERGED")).body("satisfaction", equalTo("SATISFIED"))
                .body("canRate", equalTo(false)).body("timeline.action", equalTo(List.of("RECEIVED", "MERGE", "VISIT")));
        given().contentType(ContentType.JSON).body(rating).when().post("/api/v1/cases/track/" + code + "/rating")
                .then().statusCode(409).body("type", equalTo("https://lianluo.cn/problems/already-rated"));
        read(again).body("status", equalTo("MERGED")).body("satisfaction", equalTo("SATISFIED"));
        // the rating is the merged case's own: in no figure (the case merged into is rated for the matter)
        ValidatableResponse rated = figures();
        assertThat(figure(rated, "rated")).isEqualTo(figure(merged, "rated"));
        assertThat(figure(rated, "received")).isEqualTo(figure(merged, "received"));
        assertThat(figure(rated, "merged")).isEqualTo(figure(merged, "merged"));
    }

    @Test
    void a_duplicate_merged_into_a_case_merged_in_turn_is_answered_by_the_case_at_the_end() {
        String phone = TestPhones.unused();
        String first = submitted(body("路灯不亮", "村口路灯坏了一个月。", phone));
        String second = submitted(body("路灯还是不亮", "村口路灯还没修。", phone));
        String third = submitted(body("路灯坏了", "第三次反映村口路灯。", phone));
        // the latest open case of the same phone is the one flagged
        read(third).body("possibleDuplicateOf", equalTo(second));
        read(second).body("possibleDuplicateOf", equalTo(first));
        command(third, "merge", Map.of("intoCaseId", second), STAFF).statusCode(200).body("mergedInto", equalTo(second));
        command(second, "merge", Map.of("intoCaseId", first), STAFF).statusCode(200).body("mergedInto", equalTo(first));
        // a case merged already takes no more duplicates: into the one it was merged into instead
        String fourth = submitted(body("路灯", "第四次。", phone));
        read(fourth).body("possibleDuplicateOf", equalTo(first));
        command(fourth, "merge", Map.of("intoCaseId", second), STAFF).statusCode(409)
                .body("type", equalTo("https://lianluo.cn/problems/merge-target-merged"));

        command(first, "answer", Map.of("content", "路灯已于昨日更换。"), STAFF).statusCode(200);
        track(third, phone).body("status", equalTo("MERGED")).body("reply.content", equalTo("路灯已于昨日更换。"))
                .body("reply.onTheSpot", equalTo(true));
        track(second, phone).body("reply.content", equalTo("路灯已于昨日更换。"));
    }

    @Test
    void a_case_of_the_same_place_and_a_similar_text_is_flagged_and_unlinked() {
        try (KafkaTap tap = KafkaTap.open(TOPIC)) {
            String open = submitted(placed(body("茶峒路路面塌陷", CONTENT, TestPhones.unused()), 0));
            // 100 m away, another citizen, much the same words
            String nearPhone = TestPhones.unused();
            String near = submitted(placed(body("茶峒路中段路面塌陷", "茶峒路中段路面塌陷,坑很大,晚上看不清,请尽快处理。",
                    nearPhone), 100));
            read(near).body("possibleDuplicateOf", equalTo(open));
            // the same place, another matter; and the same matter 1 km away: neither is flagged
            String other = submitted(placed(body("广场舞噪音扰民", "每天晚上十点以后广场舞音响声音很大,影响休息。",
                    TestPhones.unused()), 50));
            read(other).body("possibleDuplicateOf", nullValue()).body("allowedCommands", not(hasItem("unlink")));
            Map<String, Object> farAway = placed(body("茶峒路路面塌陷", CONTENT, TestPhones.unused()), 1_000);
            farAway.put("address", address + "北1公里");
            read(submitted(farAway)).body("possibleDuplicateOf", nullValue());
            // without coordinates, the same address is the same place
            Map<String, Object> sameAddress = body("茶峒路路面塌陷", CONTENT, TestPhones.unused());
            sameAddress.put("address", " " + address + " ");
            read(submitted(sameAddress)).body("possibleDuplicateOf", equalTo(open));

            command(near, "unlink", Map.of("note", "不是同一处塌陷"), STAFF).statusCode(200)
                    .body("status", equalTo("RECEIVED")).body("possibleDuplicateOf", nullValue())
                    .body("allowedCommands", equalTo(List.of("answer", "assign", "supervise")))
                    .body("timeline.find { it.action == 'UNLINK' }.note", equalTo("不是同一处塌陷"))
                    .body("timeline.find { it.action == 'UNLINK' }.actionName", equalTo("取消重复标记"));
            command(near, "unlink", Map.of(), STAFF).statusCode(409)
                    .body("type", equalTo("https://lianluo.cn/problems/not-a-possible-duplicate"))
                    .body("detail", containsString("not flagged"));
            command(near, "merge", Map.of("intoCaseId", open), STAFF).statusCode(409)
                    .body("type", equalTo("https://lianluo.cn/problems/not-a-possible-duplicate"));
            // the unlink is staff's business: not on the citizen's page
            track(near, nearPhone).body("timeline.action", not(hasItem("UNLINK")));

            tap.await(r -> near.equals(r.key()) && r.value().contains("\"type\":\"lianluo.case.unlinked.v1\""),
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> events = tap.drain(Duration.ofMillis(500)).stream()
                    .filter(r -> near.equals(r.key())).toList();
            events.forEach(EventSchemas::assertValid);
            assertThat(events).extracting(r -> r.value().contains("lianluo.case.unlinked.v1")).containsExactly(false, true);
        }
    }

    @Test
    void a_place_is_both_coordinates_within_china_or_none() {
        Map<String, Object> latOnly = body("只有纬度", CONTENT, TestPhones.unused());
        latOnly.put("lat", 28.5);
        submit(latOnly).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("lng"));
        Map<String, Object> lngOnly = body("只有经度", CONTENT, TestPhones.unused());
        lngOnly.put("lng", 109.4);
        submit(lngOnly).statusCode(400).body("errors[0].field", equalTo("lat"));
        Map<String, Object> outside = body("境外坐标", CONTENT, TestPhones.unused());
        outside.put("lat", 48.85);
        outside.put("lng", 2.35);
        submit(outside).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("lng"));
        Map<String, Object> beyond = body("超出范围", CONTENT, TestPhones.unused());
        beyond.put("lat", 95.0);
        beyond.put("lng", 109.4);
        submit(beyond).statusCode(400).body("errors[0].field", equalTo("lat"));
        Map<String, Object> longAddress = body("地址太长", CONTENT, TestPhones.unused());
        longAddress.put("address", "路".repeat(201));
        submit(longAddress).statusCode(400).body("errors[0].field", equalTo("address"));
    }
}
