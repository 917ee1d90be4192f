package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static cn.lianluo.cases.cases.domain.TestCase.CITY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_TRANSPORT_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.OTHER_COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.TOWNSHIP_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferPolicyTest {

    @Test
    void a_case_passes_to_another_unit_of_the_same_level() {
        assertThat(TransferPolicy.sameLevel(COUNTY_UNIT, COUNTY_TRANSPORT_UNIT)).isEqualTo(COUNTY_TRANSPORT_UNIT);
        // the level is the policy's question; whether the unit answers for the case's region is ResponsibilityPolicy's
        assertThat(TransferPolicy.sameLevel(COUNTY_UNIT, OTHER_COUNTY_UNIT)).isEqualTo(OTHER_COUNTY_UNIT);
    }

    @Test
    void up_or_down_is_refused_naming_both_levels() {
        for (var to : new CaseContext.HandlingUnit[] {CITY_UNIT, TOWNSHIP_UNIT}) {
            assertThatThrownBy(() -> TransferPolicy.sameLevel(COUNTY_UNIT, to))
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(422);
                        assertThat(p.kind()).isEqualTo("transfer-level");
                        assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("unitId"));
                        assertThat(p.getMessage()).contains("COUNTY").contains(to.level().name()).contains("same level");
                    });
        }
    }

    @Test
    void the_unit_that_has_the_case_is_no_transfer() {
        assertThatThrownBy(() -> TransferPolicy.sameLevel(COUNTY_UNIT, COUNTY_UNIT))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("transfer-same-unit"));
    }
}
