package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.lianluo.cases.suggestions.domain.TestSuggestion.CITY_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.COUNTY_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.OTHER_COUNTY_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.REGION;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.TOWNSHIP_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnsweringUnitsPolicyTest {

    @Test
    void units_of_the_region_or_above_it_answer_for_it() {
        assertThat(AnsweringUnitsPolicy.answersFor(COUNTY_UNIT, REGION)).isTrue();
        assertThat(AnsweringUnitsPolicy.answersFor(CITY_UNIT, REGION)).isTrue();
        assertThatCode(() -> AnsweringUnitsPolicy.requireAnswerable(REGION, COUNTY_UNIT, List.of(CITY_UNIT)))
                .doesNotThrowAnyException();
    }

    @Test
    void a_unit_below_or_beside_the_region_does_not() {
        assertThat(AnsweringUnitsPolicy.answersFor(TOWNSHIP_UNIT, REGION)).isFalse();
        assertThat(AnsweringUnitsPolicy.answersFor(OTHER_COUNTY_UNIT, REGION)).isFalse();
    }

    @Test
    void every_unit_outside_is_named_on_its_own_field() {
        assertThatThrownBy(() -> AnsweringUnitsPolicy.requireAnswerable(REGION, CITY_UNIT,
                List.of(TOWNSHIP_UNIT, COUNTY_UNIT, OTHER_COUNTY_UNIT)))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("unit-outside-region");
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("coUnitIds", "coUnitIds");
                    assertThat(p.errors().get(0).message()).contains(TOWNSHIP_UNIT.name()).contains("430102");
                    assertThat(p.errors().get(1).message()).contains(OTHER_COUNTY_UNIT.name());
                });
    }
}
