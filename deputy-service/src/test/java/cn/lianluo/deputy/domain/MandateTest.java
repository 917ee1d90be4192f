package cn.lianluo.deputy.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MandateTest {

    @Test
    void a_sound_mandate_has_no_problems_and_is_active_by_default() {
        Mandate m = new Mandate(DeputyLevel.TOWNSHIP, 18, LocalDate.of(2021, 12, 1), LocalDate.of(2026, 11, 30), null);
        assertThat(m.problems()).isEmpty();
        assertThat(m.active()).isTrue();
    }

    @Test
    void an_end_before_the_start_is_named() {
        Mandate m = new Mandate(DeputyLevel.COUNTY, 18, LocalDate.of(2021, 12, 1), LocalDate.of(2021, 1, 1), MandateStatus.ACTIVE);
        assertThat(m.problems()).extracting(p -> p[0]).containsExactly("termEnd");
    }

    @Test
    void a_term_outside_1_to_99_and_an_over_long_term_are_named() {
        Mandate m = new Mandate(DeputyLevel.COUNTY, 0, LocalDate.of(2021, 12, 1), LocalDate.of(2031, 1, 1), MandateStatus.ACTIVE);
        assertThat(m.problems()).extracting(p -> p[0]).containsExactlyInAnyOrder("term", "termEnd");
    }

    @Test
    void the_same_seat_is_the_same_level_and_term() {
        Mandate county = new Mandate(DeputyLevel.COUNTY, 18, LocalDate.of(2021, 12, 1), null, null);
        assertThat(county.sameSeat(new Mandate(DeputyLevel.COUNTY, 18, LocalDate.of(2022, 1, 1), null, null))).isTrue();
        assertThat(county.sameSeat(new Mandate(DeputyLevel.TOWNSHIP, 18, LocalDate.of(2021, 12, 1), null, null))).isFalse();
        assertThat(county.sameSeat(new Mandate(DeputyLevel.COUNTY, 17, LocalDate.of(2016, 12, 1), null, null))).isFalse();
    }

    @Test
    void ethnicities_are_the_56_official_names() {
        assertThat(Ethnicities.ALL).hasSize(56).doesNotHaveDuplicates();
        assertThat(Ethnicities.normalise("白族")).isEqualTo("白族");
        assertThat(Ethnicities.normalise(" 瑶 ")).isEqualTo("瑶族");
        assertThat(Ethnicities.normalise("土家")).isEqualTo("土家族");
        assertThatThrownBy(() -> Ethnicities.normalise("精灵族")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Gender.parse("女")).isEqualTo(Gender.FEMALE);
        assertThatThrownBy(() -> Gender.parse("X")).isInstanceOf(IllegalArgumentException.class);
    }
}
