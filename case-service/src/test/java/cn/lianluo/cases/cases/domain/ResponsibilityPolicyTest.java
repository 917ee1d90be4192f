package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static cn.lianluo.cases.cases.domain.TestCase.CITY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.OTHER_COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.REGION;
import static cn.lianluo.cases.cases.domain.TestCase.TOWNSHIP_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponsibilityPolicyTest {

    @Test
    void a_unit_of_the_region_above_it_or_inside_it_answers_for_the_case() {
        assertThat(ResponsibilityPolicy.answersFor(COUNTY_UNIT, REGION)).isTrue();
        assertThat(ResponsibilityPolicy.answersFor(CITY_UNIT, REGION)).isTrue();
        assertThat(ResponsibilityPolicy.answersFor(TOWNSHIP_UNIT, REGION)).isTrue();
    }

    @Test
    void a_unit_of_another_county_does_not() {
        assertThat(ResponsibilityPolicy.answersFor(OTHER_COUNTY_UNIT, REGION)).isFalse();
        assertThatThrownBy(() -> ResponsibilityPolicy.requireAnswersFor(OTHER_COUNTY_UNIT, REGION))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("unit-outside-region");
                    assertThat(p.getMessage()).isEqualTo("unitId: 天心区住建局 (430103) does not answer for region 430102");
                });
    }
}
