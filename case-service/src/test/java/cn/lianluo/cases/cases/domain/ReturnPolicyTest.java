package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.lianluo.cases.cases.domain.DeadlineTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 退回 within one working day of getting the case: to the end of the next working day, weekends and holidays not counted. */
class ReturnPolicyTest {

    @ParameterizedTest(name = "assigned {0}: the window closes at {1}")
    @CsvSource({
            // a Tuesday: to the end of Wednesday
            "2026-03-10T09:00, 2026-03-12T00:00",
            // a Friday: across the weekend, to the end of Monday
            "2026-03-06T16:00, 2026-03-10T00:00",
            // a Saturday: Monday is the first working day after it
            "2026-03-07T10:00, 2026-03-10T00:00",
            // the Friday before 清明 (4–6 April off): to the end of Tuesday 7 April
            "2026-04-03T11:00, 2026-04-08T00:00"})
    void the_window_closes_at_the_end_of_the_next_working_day(String assigned, String closes) {
        assertThat(ReturnPolicy.windowCloses(at(assigned), TestCase.CALENDAR)).isEqualTo(at(closes));
    }

    @ParameterizedTest(name = "assigned {0}, returned {1}")
    @CsvSource({
            "2026-03-06T16:00, 2026-03-06T16:30",
            "2026-03-06T16:00, 2026-03-08T12:00",
            "2026-03-06T16:00, 2026-03-09T23:59",
            "2026-04-03T11:00, 2026-04-07T18:00"})
    void inside_the_window_a_unit_returns_the_case(String assigned, String returned) {
        assertThatCode(() -> ReturnPolicy.requireWithinWindow(at(assigned), at(returned), TestCase.CALENDAR))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "assigned {0}, returned {1}")
    @CsvSource({
            "2026-03-06T16:00, 2026-03-10T00:00",
            "2026-03-06T16:00, 2026-03-10T09:00",
            "2026-03-10T09:00, 2026-03-12T08:30",
            "2026-04-03T11:00, 2026-04-08T09:00"})
    void after_the_window_it_is_a_conflict_saying_the_window_closed(String assigned, String returned) {
        assertThatThrownBy(() -> ReturnPolicy.requireWithinWindow(at(assigned), at(returned), TestCase.CALENDAR))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.kind()).isEqualTo("return-window-closed");
                    assertThat(p.getMessage()).contains("window to return this case (退回) closed");
                });
    }
}
