package cn.lianluo.deputy.rest;

import cn.lianluo.common.testing.ChangesReader;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.lianluo.common.testing.ChangesReader.encoded;
import static cn.lianluo.common.testing.ChangesReader.freshCounty;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * GET /deputies/changes: a county's roll read by cursor while deputies are registered — each once, none lost, not even
 * one written by a transaction that is still open while a page is read; a deputy whose mandate ends comes again.
 */
@QuarkusTest
class DeputyChangesIT {

    static final String CHANGES = "/api/v1/deputies/changes";

    @Inject
    DataSource dataSource;

    static String register(String token, String name, String region) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(DeputyResourceIT.deputy(name, region)).when().post("/api/v1/deputies").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void a_county_roll_read_by_cursor_while_deputies_arrive_sees_each_once_even_one_of_an_open_transaction()
            throws SQLException {
        String county = freshCounty();
        String supervisor = TestTokens.bearer("SUPERVISOR", county);
        String template = register(supervisor, "游标代表甲", county + "001");
        Set<String> mine = new HashSet<>(Set.of(template, register(supervisor, "游标代表乙", county + "001"),
                register(supervisor, "游标代表丙", county + "002"), register(supervisor, "游标代表丁", county)));
        ChangesReader reader = new ChangesReader(CHANGES, supervisor, county, 2);
        reader.page();
        mine.add(register(supervisor, "翻页之间代表", county + "002"));
        reader.page();

        reader.readPastAnOpenTransaction(dataSource, open -> ChangesReader.insertCopy(open, "deputy", template,
                        Map.of("name", "未提交代表", "seed_key", "open-" + UUID.randomUUID())),
                () -> Set.of(register(supervisor, "未提交之后代表", county + "001")), mine);
        reader.readUntilSeen(mine);
        assertThat(reader.seen()).as("each once").containsExactlyInAnyOrderElementsOf(mine);

        // the scope of the paged list: a township its own; another county's supervisor may not ask
        assertThat(new ChangesReader(CHANGES, supervisor, county + "001", 200).catchUp().seen()).hasSize(4);
        given().header("Authorization", DeputyResourceIT.SUPERVISOR_SANGZHI).queryParam("region", county)
                .when().get(CHANGES).then().statusCode(403);
    }

    @Test
    void a_deputy_whose_mandate_ends_comes_again_as_they_are_now_with_the_phone_masked() {
        String county = freshCounty();
        String supervisor = TestTokens.bearer("SUPERVISOR", county);
        String id = register(supervisor, "任期代表", county + "001");
        ChangesReader reader = new ChangesReader(CHANGES, supervisor, county, 200);
        reader.readUntilSeen(Set.of(id));
        String mandate = given().header("Authorization", supervisor).when().get("/api/v1/deputies/" + id).then()
                .statusCode(200).extract().path("mandates.find { it.level == 'TOWNSHIP' }.id");
        given().header("Authorization", supervisor).contentType(ContentType.JSON)
                .body(Map.of("status", "RESIGNED", "date", "2026-06-01", "reason", "辞职"))
                .when().post("/api/v1/deputies/" + id + "/mandates/" + mandate + "/end").then().statusCode(200);
        reader.readUntil(ids -> java.util.Collections.frequency(ids, id) == 2);
        assertThat(reader.seen()).containsExactly(id, id);
        given().header("Authorization", supervisor).queryParam("region", county).when().get(CHANGES).then().statusCode(200)
                .body("items[0].phone", equalTo("139****5678")).body("items[0].levels", not(hasItem("TOWNSHIP")));
    }

    @Test
    void a_cursor_this_list_did_not_hand_out_and_page_with_after_are_400s() {
        String supervisor = DeputyResourceIT.SUPERVISOR_SANGZHI;
        for (String bad : List.of("%%%", encoded("7:" + UUID.randomUUID() + "x"))) {
            given().header("Authorization", supervisor).queryParam("after", bad).when().get(CHANGES)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        }
        given().header("Authorization", supervisor).queryParam("after", "").queryParam("page", 2).when().get(CHANGES)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().header("Authorization", supervisor).queryParam("after", "").queryParam("page", 0)
                .when().get("/api/v1/deputies").then().statusCode(400).contentType("application/problem+json");
    }
}
