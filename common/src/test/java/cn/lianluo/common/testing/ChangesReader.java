package cn.lianluo.common.testing;

import io.restassured.path.json.JsonPath;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A system syncing a {@code …/changes} list as the API tells it to: the cursor it holds, and every id it was given in
 * order (so a test sees what came twice as well as what never came).
 */
public final class ChangesReader {

    private final String path;
    private final String token;
    private final String region;
    private final int size;
    private String idPath = "items.id";
    private String next = "";
    private final List<String> seen = new ArrayList<>();

    public ChangesReader(String path, String token, String region, int size) {
        this.path = path;
        this.token = token;
        this.region = region;
        this.size = size;
    }

    private static final Set<String> DRAWN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A county code of this run alone (439xxx is no county of Hunan): the test databases keep other tests' rows, and no
     * two tests of one run draw the same.
     */
    public static String freshCounty() {
        String county;
        do {
            county = "439" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        } while (!DRAWN.add(county));
        return county;
    }

    /** Where the items' ids are in a page, when not at {@code items.id}. */
    public ChangesReader ids(String path) {
        this.idPath = path;
        return this;
    }

    public List<String> seen() {
        return seen;
    }

    /** One page; true when it was full (there may be more). */
    public boolean page() {
        JsonPath page = given().header("Authorization", token).queryParam("region", region).queryParam("after", next)
                .queryParam("size", size).when().get(path).then().statusCode(200).extract().jsonPath();
        List<String> items = page.getList(idPath, String.class);
        seen.addAll(items);
        assertThat(page.getString("next")).isNotBlank();
        next = page.getString("next");
        return items.size() == size;
    }

    /** Pages until a page is not full: caught up for now. */
    public ChangesReader catchUp() {
        while (page()) {
            assertThat(seen.size()).as("a walk that never ends").isLessThan(1_000_000);
        }
        return this;
    }

    /**
     * Pages on until all are seen, asking again while caught up: a transaction open anywhere on the server (another
     * test's) holds the horizon back for a moment.
     */
    public void readUntilSeen(Set<String> expected) {
        readUntil(ids -> ids.containsAll(expected));
    }

    /** Pages on, asking again while caught up, until the ids read so far (in order, repeats kept) are {@code done}. */
    public void readUntil(java.util.function.Predicate<List<String>> done) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            catchUp();
            return done.test(seen);
        });
    }

    /** A row written on a connection's transaction; its id. */
    @FunctionalInterface
    public interface Write {
        String on(Connection connection) throws SQLException;
    }

    /**
     * The race a sequence loses: {@code pending} is written by a transaction left open while {@code later} rows are
     * written and committed after it took its id, and this reader reads until it has seen {@code committed} — none of
     * those may come yet. Then the transaction commits; the caller reads on and finds them all. Adds both to
     * {@code committed}.
     */
    public void readPastAnOpenTransaction(DataSource dataSource, Write pending, Supplier<Set<String>> later,
                                          Set<String> committed) throws SQLException {
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            String written = pending.on(open);
            Set<String> after = later.get();
            readUntilSeen(committed);
            assertThat(seen).as("a page read while a transaction is open stops before what it wrote")
                    .doesNotContain(written).doesNotContainAnyElementsOf(after);
            open.commit();
            committed.add(written);
            committed.addAll(after);
        }
    }

    /** The opaque form of a cursor, to forge ones the list did not hand out. */
    public static String encoded(String text) {
        return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A copy of a row under a new id, written on the connection's own transaction (left open by the caller): a row of
     * a writer that has not committed yet. {@code changed} gives the columns that must differ (unique ones).
     */
    public static String insertCopy(Connection connection, String table, String templateId, Map<String, Object> changed)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position")) {
            s.setString(1, table);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    if (!column.equals("id") && !column.equals("xact") && !changed.containsKey(column)) {
                        columns.add(column);
                    }
                }
            }
        }
        String id = UUID.randomUUID().toString();
        List<String> set = new ArrayList<>(changed.keySet());
        String list = String.join(", ", columns);
        String sql = "INSERT INTO " + table + " (id, " + String.join("", set.stream().map(c -> c + ", ").toList()) + list
                + ") SELECT ?, " + String.join("", set.stream().map(c -> "?, ").toList()) + list + " FROM " + table
                + " WHERE id = ?";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            for (int i = 0; i < set.size(); i++) {
                s.setObject(i + 2, changed.get(set.get(i)));
            }
            s.setObject(set.size() + 2, UUID.fromString(templateId));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        return id;
    }
}
