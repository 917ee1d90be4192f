package cn.lianluo.station.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPlanTest {

    @Test
    void a_morning_reception_gives_six_half_hours() {
        assertThat(SlotPlan.starts("09:00-12:00", 30)).containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 30),
                LocalTime.of(10, 0), LocalTime.of(10, 30), LocalTime.of(11, 0), LocalTime.of(11, 30));
    }

    @Test
    void the_last_slot_ends_by_the_close() {
        assertThat(SlotPlan.starts("8:30~10:00", 40)).containsExactly(LocalTime.of(8, 30), LocalTime.of(9, 10));
    }

    @Test
    void hours_that_do_not_read_are_taken_as_the_morning() {
        assertThat(SlotPlan.starts(null, 60)).hasSize(3);
        assertThat(SlotPlan.starts("全天", 60)).hasSize(3);
    }

    @Test
    void hours_shorter_than_a_slot_give_none() {
        assertThat(SlotPlan.starts("09:00-09:20", 30)).isEmpty();
    }
}
