package cn.lianluo.cases.rest;

import cn.lianluo.common.testing.ChangesReader;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.lianluo.cases.rest.CaseLoopApiIT.citizenCase;
import static cn.lianluo.common.testing.ChangesReader.encoded;
import static cn.lianluo.common.testing.ChangesReader.freshCounty;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * GET /cases/changes: a county's cases read by cursor while cases arrive — each once, none lost, not even one written by
 * a transaction that is still open while a page is read. Each test works in a county of its own (a code no seed and no
 * other test uses, added to the tree as an ADMIN's import adds one).
 */
@QuarkusTest
class CaseChangesIT {

    static final String CHANGES = "/api/v1/cases/changes";

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    /** A county no seed and no other test uses, with two townships, in case-service's tree as an import adds them. */
    String county() {
        String county = freshCounty();
        Regions.announce(em, county, List.of(county, county + "001", county + "002"));
        return county;
    }

    static String submit(String region, String title) {
        Map<String, Object> body = citizenCase(title);
        body.put("regionCode", region);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void a_county_read_by_cursor_while_cases_arrive_sees_each_case_once_even_one_written_by_an_open_transaction()
            throws SQLException {
        String county = county();
        String township = county + "001";
        String template = submit(township, "游标同步");
        Set<String> before = new HashSet<>(Set.of(template));
        for (int i = 0; i < 4; i++) {
            before.add(submit(township, "游标同步 " + i));
        }
        before.add(submit(county + "002", "另一个乡镇"));
        before.add(submit(township + "001", "一个村"));
        String supervisor = TestTokens.bearer("SUPERVISOR", county);
        ChangesReader reader = new ChangesReader(CHANGES, supervisor, county, 2);

        reader.page();
        // at most a page: fewer while a transaction anywhere on the server holds the horizon back
        assertThat(reader.seen()).hasSizeLessThanOrEqualTo(2);
        Set<String> between = Set.of(submit(township, "翻页之间到达 1"), submit(county + "002", "翻页之间到达 2"));
        reader.page();

        Set<String> mine = new HashSet<>(before);
        mine.addAll(between);
        // written after the open transaction took its id, committed before it: they wait behind it too
        reader.readPastAnOpenTransaction(dataSource, open -> ChangesReader.insertCopy(open, "citizen_case", template,
                        Map.of("tracking_code", "LLOPEN" + UUID.randomUUID().toString().substring(0, 6))),
                () -> Set.of(submit(township, "未提交事务之后 1"), submit(township, "未提交事务之后 2")), mine);
        reader.readUntilSeen(mine);
        assertThat(reader.seen()).as("each once").containsExactlyInAnyOrderElementsOf(mine);

        // the same scope as the paged list: a township its own, a village its own, a city its counties'
        assertThat(new ChangesReader(CHANGES, supervisor, township, 200).catchUp().seen())
                .doesNotHaveDuplicates().hasSize(mine.size() - 2);
        assertThat(new ChangesReader(CHANGES, supervisor, township + "001", 200).catchUp().seen()).hasSize(1);
        String city = county.substring(0, 4);
        assertThat(new ChangesReader(CHANGES, TestTokens.bearer("SUPERVISOR", city), city, 200).catchUp().seen())
                .doesNotHaveDuplicates().containsAll(mine);
    }

    @Test
    void a_case_changed_after_it_was_read_comes_again_as_it_is_now_and_masked_as_in_the_paged_list() throws SQLException {
        String county = county();
        String first = submit(county + "001", "先到");
        String second = submit(county + "001", "后到");
        String staff = TestTokens.bearer("STATION_STAFF", county);
        ChangesReader reader = new ChangesReader(CHANGES, staff, county, 200);
        reader.readUntilSeen(Set.of(first, second));
        assertThat(reader.seen()).containsExactly(first, second);

        try (Connection connection = dataSource.getConnection();
             PreparedStatement change = connection.prepareStatement("UPDATE citizen_case SET title = '改过的标题' WHERE id = ?")) {
            change.setObject(1, UUID.fromString(first));
            assertThat(change.executeUpdate()).isEqualTo(1);
        }
        reader.readUntil(ids -> java.util.Collections.frequency(ids, first) == 2);
        assertThat(reader.seen()).containsExactly(first, second, first);

        given().header("Authorization", staff).queryParam("region", county).when().get(CHANGES)
                .then().statusCode(200).body("items[0].citizen.phone", containsString("****"))
                .body("items.find { it.id == '" + first + "' }.title", equalTo("改过的标题"));
        given().header("Authorization", TestTokens.bearer("STATION_STAFF", "433124")).queryParam("region", county)
                .when().get(CHANGES).then().statusCode(403);
    }

    @Test
    void a_cursor_this_list_did_not_hand_out_is_a_400() {
        String supervisor = TestTokens.bearer("SUPERVISOR", "433124");
        for (String bad : List.of("xyz!", encoded("12:not-a-uuid"), encoded("-1:" + UUID.randomUUID()),
                encoded(UUID.randomUUID().toString()), encoded("1:" + UUID.randomUUID() + ":2"))) {
            given().header("Authorization", supervisor).queryParam("after", bad).when().get(CHANGES)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("after"));
        }
    }

    @Test
    void a_list_is_read_by_page_or_by_cursor_not_both() {
        String supervisor = TestTokens.bearer("SUPERVISOR", "433124");
        given().header("Authorization", supervisor).queryParam("after", "").queryParam("page", 0)
                .when().get(CHANGES).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        given().header("Authorization", supervisor).queryParam("after", "").queryParam("page", 1)
                .when().get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", supervisor).queryParam("after", "")
                .when().get("/api/v1/cases").then().statusCode(400).body("detail", containsString("/changes"));
    }
}
