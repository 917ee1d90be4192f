package cn.lianluo.common.inbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CopiesTest {

    private static final Instant NINE = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant TEN = Instant.parse("2026-03-02T02:00:00Z");

    /** A copy as the services keep one: its fields and when an event last wrote it. */
    private static final class Copy {
        final String name;
        final Instant updatedAt;

        Copy(String name, Instant updatedAt) {
            this.name = name;
            this.updatedAt = updatedAt;
        }
    }

    @Test
    void the_first_event_of_a_record_writes_a_new_copy() {
        assertThat(Copies.toWrite(null, (Copy c) -> c.updatedAt, TEN, () -> new Copy("new", null)))
                .hasValueSatisfying(c -> assertThat(c.name).isEqualTo("new"));
    }

    @Test
    void a_later_or_equally_timed_event_writes_the_kept_copy() {
        Copy kept = new Copy("kept", NINE);

        assertThat(Copies.toWrite(kept, c -> c.updatedAt, TEN, () -> new Copy("new", null))).containsSame(kept);
        assertThat(Copies.toWrite(kept, c -> c.updatedAt, NINE, () -> new Copy("new", null))).containsSame(kept);
        assertThat(Copies.kept(kept, c -> c.updatedAt, TEN)).containsSame(kept);
    }

    @Test
    void an_older_event_than_the_one_applied_writes_nothing() {
        Copy kept = new Copy("kept", TEN);

        assertThat(Copies.toWrite(kept, c -> c.updatedAt, NINE, () -> new Copy("new", null))).isEmpty();
        assertThat(Copies.kept(kept, c -> c.updatedAt, NINE)).isEmpty();
    }

    @Test
    void an_event_for_a_record_not_kept_changes_no_copy() {
        assertThat(Copies.kept(null, (Copy c) -> c.updatedAt, TEN)).isEmpty();
    }
}
