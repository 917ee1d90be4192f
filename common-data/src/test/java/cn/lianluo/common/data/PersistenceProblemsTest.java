package cn.lianluo.common.data;

import cn.lianluo.common.problem.Problem;
import jakarta.persistence.PessimisticLockException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceProblemsTest {

    private final PersistenceProblems problems = new PersistenceProblems();

    @Test
    void a_deadlock_the_database_broke_is_a_concurrent_change_to_try_again_not_a_500() {
        var deadlock = new PessimisticLockException("could not execute statement",
                new SQLException("deadlock detected", "40P01"));
        var response = problems.translate(deadlock, "/api/v1/cases/x/accept").orElseThrow();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Problem) response.getEntity()).type()).endsWith("/concurrent-change");
    }

    @Test
    void a_lock_that_timed_out_is_left_to_the_other_translators() {
        var timeout = new PessimisticLockException("could not obtain lock", new SQLException("lock timeout", "55P03"));
        assertThat(problems.translate(timeout, "/x")).isEmpty();
    }
}
