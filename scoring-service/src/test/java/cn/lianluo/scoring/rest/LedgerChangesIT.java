package cn.lianluo.scoring.rest;

import cn.lianluo.common.testing.ChangesReader;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static cn.lianluo.common.testing.ChangesReader.encoded;
import static cn.lianluo.common.testing.ChangesReader.freshCounty;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * GET /points/ledger/changes: a county's ledger read by cursor while entries are written — each once, none lost, not
 * even one written by a transaction that is still open while a page is read (which ordering by seq would lose).
 */
@QuarkusTest
class LedgerChangesIT {

    static final String CHANGES = "/api/v1/points/ledger/changes";

    @Inject
    DataSource dataSource;

    /** An entry as the ledger appends one, on the connection's transaction. */
    static String entry(Connection connection, UUID deputy, String region, int points) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO ledger_entry (id, deputy_id, year, region_code, "
                + "kind, points, reason, author, at) VALUES (?, ?, 2026, ?, 'CORRECTION', ?, '游标测试', 'test', ?)")) {
            s.setObject(1, id);
            s.setObject(2, deputy);
            s.setString(3, region);
            s.setInt(4, points);
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        return id.toString();
    }

    String committed(UUID deputy, String region, int points) {
        try (Connection connection = dataSource.getConnection()) {
            return entry(connection, deputy, region, points);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_county_ledger_read_by_cursor_while_entries_arrive_sees_each_once_even_one_of_an_open_transaction()
            throws SQLException {
        String county = freshCounty();
        UUID deputy = UUID.randomUUID();
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(committed(deputy, county + "001", i + 1));
        }
        mine.add(committed(UUID.randomUUID(), county, 3));
        String supervisor = TestTokens.bearer("SUPERVISOR", county);
        ChangesReader reader = new ChangesReader(CHANGES, supervisor, county, 2).ids("items.entry.id");
        reader.page();
        mine.add(committed(deputy, county + "002", 7));
        reader.page();

        // other deputies: a deputy's yearly total is one row, which the open transaction holds until it ends
        reader.readPastAnOpenTransaction(dataSource, open -> entry(open, UUID.randomUUID(), county + "001", 9),
                () -> Set.of(committed(UUID.randomUUID(), county + "001", 10)), mine);
        reader.readUntilSeen(mine);
        assertThat(reader.seen()).as("each once").containsExactlyInAnyOrderElementsOf(mine);

        given().header("Authorization", supervisor).queryParam("region", county + "002").when().get(CHANGES).then()
                .statusCode(200).body("items[0].deputyId", equalTo(deputy.toString())).body("items[0].year", equalTo(2026))
                .body("items[0].regionCode", equalTo(county + "002")).body("items[0].entry.points", equalTo(7));
        given().header("Authorization", PointsIT.SANGZHI).queryParam("region", county).when().get(CHANGES).then()
                .statusCode(403);
        given().header("Authorization", TestTokens.bearer("DEPUTY", county)).when().get(CHANGES).then().statusCode(403);
    }

    @Test
    void a_cursor_this_list_did_not_hand_out_and_page_with_after_are_400s() {
        for (String bad : List.of("not a cursor", encoded("1:" + UUID.randomUUID().toString().toUpperCase()))) {
            given().header("Authorization", PointsIT.SANGZHI).queryParam("after", bad).when().get(CHANGES)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        }
        given().header("Authorization", PointsIT.SANGZHI).queryParam("page", 0).when().get(CHANGES)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
        given().header("Authorization", PointsIT.SANGZHI).queryParam("after", "").queryParam("page", 0)
                .when().get("/api/v1/points/appeals").then().statusCode(400).contentType("application/problem+json");
    }
}
