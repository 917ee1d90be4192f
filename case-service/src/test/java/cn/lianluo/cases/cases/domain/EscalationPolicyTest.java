package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static cn.lianluo.cases.cases.domain.TestCase.CITY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.OTHER_COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.TOWNSHIP_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EscalationPolicyTest {

    @Test
    void a_case_goes_up_to_a_higher_level() {
        assertThat(EscalationPolicy.onlyUpwards(TOWNSHIP_UNIT, COUNTY_UNIT)).isEqualTo(COUNTY_UNIT);
        assertThat(EscalationPolicy.onlyUpwards(COUNTY_UNIT, CITY_UNIT)).isEqualTo(CITY_UNIT);
    }

    @Test
    void escalating_sideways_or_down_is_refused() {
        for (var to : new CaseContext.HandlingUnit[] {OTHER_COUNTY_UNIT, TOWNSHIP_UNIT, COUNTY_UNIT}) {
            assertThatThrownBy(() -> EscalationPolicy.onlyUpwards(COUNTY_UNIT, to))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(422);
                        assertThat(p.kind()).isEqualTo("escalation-level");
                        assertThat(p.getMessage()).isEqualTo(
                                "unitId: escalation goes to a unit of a higher level than COUNTY (按职责层级交办)");
                    });
        }
    }
}
