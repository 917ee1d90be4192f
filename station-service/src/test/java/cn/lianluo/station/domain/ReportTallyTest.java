package cn.lianluo.station.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTallyTest {

    @Test
    void satisfied_and_basically_satisfied_count_toward_the_rate() {
        ReportTally tally = ReportTally.of(Map.of(Satisfaction.SATISFIED, 1, Satisfaction.BASICALLY_SATISFIED, 1,
                Satisfaction.UNSATISFIED, 1));
        assertThat(tally.total()).isEqualTo(3);
        assertThat(tally.satisfactionRate()).isEqualTo(0.6667);
    }

    @Test
    void a_report_nobody_assessed_has_no_rate() {
        ReportTally tally = ReportTally.of(Map.of());
        assertThat(tally.total()).isZero();
        assertThat(tally.satisfactionRate()).isNull();
    }

    @Test
    void only_unsatisfied_voters_make_a_rate_of_zero() {
        assertThat(new ReportTally(0, 0, 4).satisfactionRate()).isEqualTo(0.0);
    }

    @Test
    void a_count_below_zero_is_refused() {
        assertThatThrownBy(() -> new ReportTally(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
