package cn.lianluo.station.rest;

import cn.lianluo.common.testing.EventSchemas;
import cn.lianluo.common.testing.KafkaTap;
import cn.lianluo.common.testing.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import cn.lianluo.station.service.RegionTrees;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** An ADMIN imports a region tree: all of a file or nothing, in the caller's scope, with its event. */
@QuarkusTest
class RegionImportIT {

    static final String HEADER = "code,name,level,parent_code\n";

    static RequestSpecification csv(String role, String region, String body) {
        return given().header("Authorization", TestTokens.bearer(role, region)).contentType("text/csv; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void an_admin_of_another_province_imports_its_tree_and_a_second_import_renames_only() throws Exception {
        // Hainan (46) is not shipped: a province, a city, a county, a township and a village of it
        String village = "469001100" + String.format("%03d", Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        String name = "测试村" + UUID.randomUUID().toString().substring(0, 6);
        String file = HEADER + "46,海南省,province,\n4690,省直辖县级行政区划,city,46\n469001,五指山市,county,4690\n"
                + "469001100,通什镇,township,469001\n" + village + "," + name + ",village,469001100\n";
        try (KafkaTap tap = KafkaTap.open("test.station.events")) {
            csv("ADMIN", "46", file).when().post("/api/v1/regions/import")
                    .then().statusCode(200).body("regionCode", equalTo("46")).body("rows", equalTo(5));
            given().when().get("/api/v1/regions/469001100").then().statusCode(200)
                    .body("parentCode", equalTo("469001")).body("children.code", hasItem(village));
            // the codes it added, for the services that check a region exists
            ConsumerRecord<String, String> added = tap.await(r -> "46".equals(r.key()) && r.value().contains("regions-added")
                    && r.value().contains(village), Duration.ofSeconds(20));
            EventSchemas.assertValid(added);
            assertThat(EventSchemas.MAPPER.readTree(added.value()).path("data").path("codes"))
                    .extracting(JsonNode::asText).contains(village);

            // the same file with the village renamed: one rename, nothing added
            String renamed = name + "改";
            csv("ADMIN", "4690", HEADER + "469001100,通什镇,township,469001\n" + village + "," + renamed + ",village,469001100\n")
                    .when().post("/api/v1/regions/import")
                    .then().statusCode(200).body("regionCode", equalTo("469001100")).body("added", equalTo(0))
                    .body("renamed", equalTo(1)).body("unchanged", equalTo(1));
            given().when().get("/api/v1/regions/" + village).then().statusCode(200).body("name", equalTo(renamed));

            ConsumerRecord<String, String> record = tap.await(r -> "469001100".equals(r.key())
                    && r.value().contains("regions-imported"), Duration.ofSeconds(20));
            EventSchemas.assertValid(record);
            JsonNode data = EventSchemas.MAPPER.readTree(record.value()).path("data");
            assertThat(data.path("renamed").asInt()).isEqualTo(1);
            assertThat(data.path("renamedCodes").get(0).asText()).isEqualTo(village);
        }
        // nothing changed: 200, and no event needed
        csv("ADMIN", "46", HEADER + "469001,五指山市,county,4690\n").when().post("/api/v1/regions/import")
                .then().statusCode(200).body("added", equalTo(0)).body("renamed", equalTo(0)).body("unchanged", equalTo(1));
    }

    @Inject
    RegionTrees trees;

    @Test
    void a_township_an_admin_renamed_keeps_its_name_when_the_shipped_tree_loads_again() {
        csv("ADMIN", "433124", HEADER + "433124108,边城镇(茶峒),township,433124\n").when().post("/api/v1/regions/import")
                .then().statusCode(200).body("renamed", equalTo(1));
        assertThat(trees.loadShipped("43")).isZero();
        given().when().get("/api/v1/regions/433124108").then().statusCode(200).body("name", equalTo("边城镇(茶峒)"));
        // back as shipped, for the other tests of this run
        csv("ADMIN", "433124", HEADER + "433124108,边城镇,township,433124\n").when().post("/api/v1/regions/import")
                .then().statusCode(200).body("renamed", equalTo(1));
    }

    @Test
    void every_bad_line_is_named_and_nothing_of_the_file_is_imported() {
        String file = HEADER
                + "46,海南省,province,\n"
                + "4690,省直辖县级行政区划,city,46\n"
                + "469002,琼海市,county,4690\n"          // good, but the file is refused
                + "46900x,坏代码,county,4690\n"          // 5: bad code
                + "469005,文昌市,township,4690\n"        // 6: level not the code's
                + "469006100,某镇,township,469006\n";    // 7: parent neither known nor in the file
        csv("ADMIN", "46", file).when().post("/api/v1/regions/import")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://lianluo.cn/problems/import-rejected"))
                .body("errors", hasSize(3))
                .body("errors[0].field", equalTo("line 5: code"))
                .body("errors[1].field", equalTo("line 6: level"))
                .body("errors[2].field", equalTo("line 7: parent_code"));
        given().when().get("/api/v1/regions/469002").then().statusCode(404);
    }

    @Test
    void a_region_outside_the_callers_scope_or_a_caller_who_is_not_admin_is_refused() {
        csv("ADMIN", "433124", HEADER + "433124108001,边城社区,village,433124108\n430822207999,外县村,village,430822207\n")
                .when().post("/api/v1/regions/import")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("line 3: region 430822207999 lies outside your scope 433124"));
        given().when().get("/api/v1/regions/433124108001").then().statusCode(404);
        csv("SUPERVISOR", "43", HEADER + "433124108001,边城社区,village,433124108\n")
                .when().post("/api/v1/regions/import").then().statusCode(403);
        given().contentType("text/csv").body(HEADER).when().post("/api/v1/regions/import").then().statusCode(401);
    }

    @Test
    void a_file_that_is_not_utf8_or_has_no_regions_is_a_problem() {
        given().header("Authorization", TestTokens.bearer("ADMIN", "43")).contentType("text/csv")
                .body((HEADER + "4331,湘西,city,43\n").getBytes(java.nio.charset.Charset.forName("GBK")))
                .when().post("/api/v1/regions/import").then().statusCode(400).contentType(startsWith("application/problem+json"));
        csv("ADMIN", "43", HEADER).when().post("/api/v1/regions/import")
                .then().statusCode(422).body("type", equalTo("https://lianluo.cn/problems/import-empty"));
    }
}
