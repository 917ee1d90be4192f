package cn.lianluo.deputy.domain;

import cn.lianluo.deputy.domain.StationAssignments.Assignment;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StationAssignmentsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    final UUID township = UUID.randomUUID();
    final UUID village = UUID.randomUUID();

    @Test
    void a_first_home_station_opens_one_assignment() {
        var change = new StationAssignments(List.of()).makeHome(township, TODAY);
        assertThat(change.ended()).isEmpty();
        assertThat(change.opened()).hasValueSatisfying(a -> {
            assertThat(a.stationId()).isEqualTo(township);
            assertThat(a.home()).isTrue();
            assertThat(a.from()).isEqualTo(TODAY);
            assertThat(a.current()).isTrue();
        });
    }

    @Test
    void moving_home_ends_the_old_home_and_keeps_it_in_the_history() {
        Assignment old = new Assignment(UUID.randomUUID(), township, true, TODAY.minusYears(1), null);
        var change = new StationAssignments(List.of(old)).makeHome(village, TODAY);
        assertThat(change.ended()).containsExactly(old.id());
        assertThat(change.opened().orElseThrow().stationId()).isEqualTo(village);
    }

    @Test
    void making_the_home_station_home_again_changes_nothing() {
        Assignment home = new Assignment(UUID.randomUUID(), township, true, TODAY.minusYears(1), null);
        assertThat(new StationAssignments(List.of(home)).makeHome(township, TODAY).isEmpty()).isTrue();
    }

    @Test
    void a_further_station_that_becomes_home_is_not_held_twice() {
        Assignment home = new Assignment(UUID.randomUUID(), township, true, TODAY.minusYears(1), null);
        Assignment further = new Assignment(UUID.randomUUID(), village, false, TODAY.minusMonths(2), null);
        var change = new StationAssignments(List.of(home, further)).makeHome(village, TODAY);
        assertThat(change.ended()).containsExactlyInAnyOrder(home.id(), further.id());
        assertThat(change.opened().orElseThrow().home()).isTrue();
    }

    @Test
    void a_deputy_sits_in_further_stations_once_each() {
        Assignment home = new Assignment(UUID.randomUUID(), township, true, TODAY.minusYears(1), null);
        var assignments = new StationAssignments(List.of(home));
        assertThat(assignments.sitAlsoIn(village, TODAY).opened().orElseThrow().home()).isFalse();
        assertThat(assignments.sitAlsoIn(township, TODAY).isEmpty()).isTrue();
    }

    @Test
    void the_home_station_is_changed_not_left_and_an_unknown_one_cannot_be_left() {
        Assignment home = new Assignment(UUID.randomUUID(), township, true, TODAY.minusYears(1), null);
        var assignments = new StationAssignments(List.of(home));
        assertThatThrownBy(() -> assignments.leave(township)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("home");
        assertThatThrownBy(() -> assignments.leave(village)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ended_assignments_are_history_not_current() {
        Assignment past = new Assignment(UUID.randomUUID(), village, true, TODAY.minusYears(3), TODAY.minusYears(1));
        var assignments = new StationAssignments(List.of(past));
        assertThat(assignments.home()).isEmpty();
        assertThat(assignments.current()).isEmpty();
        assertThat(assignments.endAll().ended()).isEmpty();
    }
}
