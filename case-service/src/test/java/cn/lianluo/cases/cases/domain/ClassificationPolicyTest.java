package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionLevel;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static cn.lianluo.cases.cases.domain.TestCase.CITY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.TOWNSHIP_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 分级分类 at assignment: below the category's level only with a reason. */
class ClassificationPolicyTest {

    static final Optional<RegionLevel> COUNTY_MATTER = Optional.of(RegionLevel.COUNTY);

    @Test
    void a_unit_of_the_categorys_level_or_above_needs_no_reason() {
        assertThat(ClassificationPolicy.needsReason(COUNTY_MATTER, COUNTY_UNIT)).isFalse();
        assertThat(ClassificationPolicy.needsReason(COUNTY_MATTER, CITY_UNIT)).isFalse();
        assertThat(ClassificationPolicy.needsReason(Optional.of(RegionLevel.TOWNSHIP), TOWNSHIP_UNIT)).isFalse();
        // a category no longer listed is not held against the assignment
        assertThat(ClassificationPolicy.needsReason(Optional.empty(), TOWNSHIP_UNIT)).isFalse();
    }

    @Test
    void a_county_matter_given_to_a_township_without_a_reason_is_refused_on_reason() {
        assertThat(ClassificationPolicy.needsReason(COUNTY_MATTER, TOWNSHIP_UNIT)).isTrue();
        assertThatThrownBy(() -> ClassificationPolicy.requireReasonBelowLevel(COUNTY_MATTER, TOWNSHIP_UNIT,
                TestCase.unit(TOWNSHIP_UNIT.id(), "  ")))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("assignment-below-category-level");
                    assertThat(p.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("reason"));
                    assertThat(p.getMessage()).contains("COUNTY").contains("TOWNSHIP").contains("分级分类");
                });
    }

    @Test
    void with_a_reason_or_a_note_saying_why_it_is_assigned() {
        assertThatCode(() -> ClassificationPolicy.requireReasonBelowLevel(COUNTY_MATTER, TOWNSHIP_UNIT,
                new CommandInput(null, TOWNSHIP_UNIT.id(), null, null, null, "属地先行核实", null))).doesNotThrowAnyException();
        assertThatCode(() -> ClassificationPolicy.requireReasonBelowLevel(COUNTY_MATTER, TOWNSHIP_UNIT,
                TestCase.unit(TOWNSHIP_UNIT.id(), "请镇政府先行核实"))).doesNotThrowAnyException();
    }
}
