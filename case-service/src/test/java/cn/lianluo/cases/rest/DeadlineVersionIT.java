package cn.lianluo.cases.rest;

import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.common.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stage deadline has a version (V17): a writer that read it before the calendar's recount (DeadlineRecount) moved it
 * fails instead of writing the old due date back. The two transactions are interleaved by hand, so the race is the same
 * every run: the command's reads the deadline, the recount's moves it and commits, then the command's commits.
 */
@QuarkusTest
class DeadlineVersionIT {

    static final String REGION = "433124108";
    static final String STAFF = TestTokens.bearer("STATION_STAFF", REGION);

    @Inject
    CaseRepositories.Deadlines deadlines;

    @Test
    void a_change_of_a_deadline_read_before_a_recount_moved_it_fails_and_the_recount_stands() {
        Map<String, Object> body = Map.of("title", "村道积水", "content", "雨后村道积水半米深。", "category", "INFRASTRUCTURE",
                "kind", "HELP", "regionCode", REGION, "channel", "ONLINE",
                "citizen", Map.of("name", "石长顺", "phone", TestPhones.unused()));
        UUID id = UUID.fromString(given().header("Authorization", STAFF).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases").then().statusCode(201).extract().path("id"));
        UUID deadline = QuarkusTransaction.requiringNew().call(() -> deadlines.open(id).orElseThrow().id);
        LocalDate recounted = LocalDate.of(2031, 1, 6);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            DeadlineEntity read = deadlines.findById(deadline);
            // meanwhile the recount moves the due date and commits first
            QuarkusTransaction.requiringNew().run(() -> deadlines.findById(deadline).dueDate = recounted);
            read.paused = true;
        })).satisfies(e -> assertThat(rootOrSelf(e)).isInstanceOfAny(OptimisticLockException.class, StaleStateException.class));

        DeadlineEntity stored = QuarkusTransaction.requiringNew().call(() -> deadlines.findById(deadline));
        assertThat(stored.dueDate).isEqualTo(recounted);
        assertThat(stored.paused).isFalse();
        assertThat(stored.version).isEqualTo(1);
    }

    private static Throwable rootOrSelf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof OptimisticLockException) && !(t instanceof StaleStateException)) {
            t = t.getCause();
        }
        return t;
    }
}
