package cn.lianluo.common.data;

import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientFailuresTest {

    static RuntimeException failure(String sqlState) {
        // as it reaches an event handler: the database's error inside Hibernate's, inside the transaction's
        return new IllegalStateException("the transaction failed",
                new LockAcquisitionException("could not execute statement", new SQLException("refused", sqlState)));
    }

    @Test
    void a_deadlock_or_a_serialisation_failure_is_tried_again_and_then_goes_through() {
        AtomicInteger runs = new AtomicInteger();
        TransientFailures.retry(3, () -> {
            int run = runs.incrementAndGet();
            if (run == 1) {
                throw failure("40P01");
            }
            if (run == 2) {
                throw failure("40001");
            }
        });
        assertThat(runs).hasValue(3);
    }

    @Test
    void it_gives_up_after_the_attempts_with_the_last_failure() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry(3, () -> {
            runs.incrementAndGet();
            throw failure("40P01");
        })).hasRootCauseMessage("refused");
        assertThat(runs).hasValue(3);
    }

    @Test
    void any_other_failure_is_not_tried_again() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> TransientFailures.retry(3, () -> {
            runs.incrementAndGet();
            throw failure("23505");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TransientFailures.retry(3, () -> {
            runs.incrementAndGet();
            throw new IllegalArgumentException("an unreadable event");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(2);
        assertThat(TransientFailures.isTransient(failure("40P01"))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException("no database here"))).isFalse();
    }
}
