package cn.lianluo.scoring.domain;

import cn.lianluo.scoring.domain.RuleSet.Cap;
import cn.lianluo.scoring.domain.RuleSet.Fact;
import cn.lianluo.scoring.domain.RuleSet.GradeBand;
import cn.lianluo.scoring.domain.RuleSet.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetTest {

    static RuleSet rules(int version, int entryPoints) {
        return new RuleSet("430822", 2026, version,
                Map.of(FactType.STATION_ENTRY, entryPoints, FactType.SUGGESTION_MADE, 3, FactType.ACTIVITY_SURVEY, 3,
                        FactType.UNEXCUSED_ABSENCE_HALF_DAY, -1),
                Map.of(FactType.STATION_ENTRY, new Cap(Period.MONTH, 4), FactType.SUGGESTION_MADE, new Cap(Period.YEAR, 9)),
                List.of(new GradeBand("优秀", 30), new GradeBand("良好", 20), new GradeBand("合格", 10), new GradeBand("不合格", Integer.MIN_VALUE)),
                4, LocalDate.of(2026, 10, 1), 10);
    }

    static int total(List<RuleSet.Award> awards) {
        return awards.stream().mapToInt(RuleSet.Award::points).sum();
    }

    @Test
    void facts_earn_their_types_points_and_deductions_subtract() {
        var awards = rules(1, 2).evaluate(List.of(new Fact(1, FactType.ACTIVITY_SURVEY, LocalDate.of(2026, 3, 2)),
                new Fact(2, FactType.UNEXCUSED_ABSENCE_HALF_DAY, LocalDate.of(2026, 3, 3)),
                new Fact(3, FactType.VOTE_CAST, LocalDate.of(2026, 3, 4))));
        assertThat(awards).extracting(RuleSet.Award::points).containsExactly(3, -1);
        assertThat(total(awards)).isEqualTo(2);
    }

    @Test
    void a_monthly_cap_limits_the_points_of_a_month_not_of_the_next() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            facts.add(new Fact(i, FactType.STATION_ENTRY, LocalDate.of(2026, 3, i + 1)));
        }
        facts.add(new Fact(4, FactType.STATION_ENTRY, LocalDate.of(2026, 4, 1)));
        var awards = rules(1, 2).evaluate(facts);
        assertThat(awards).extracting(RuleSet.Award::points).containsExactly(2, 2, 0, 2);
        assertThat(awards.get(2).reason()).contains("上限");
    }

    @Test
    void a_yearly_cap_and_the_year_itself_bound_the_points() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            facts.add(new Fact(i, FactType.SUGGESTION_MADE, LocalDate.of(2026, i, 10)));
        }
        facts.add(new Fact(9, FactType.SUGGESTION_MADE, LocalDate.of(2025, 12, 31)));
        assertThat(total(rules(1, 2).evaluate(facts))).isEqualTo(9);
    }

    @Test
    void the_total_does_not_depend_on_the_order_facts_arrived_in() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            facts.add(new Fact(i, FactType.STATION_ENTRY, LocalDate.of(2026, 5, i)));
        }
        int inOrder = total(rules(1, 2).evaluate(facts));
        Collections.reverse(facts);
        assertThat(total(rules(1, 2).evaluate(facts))).isEqualTo(inOrder).isEqualTo(4);
    }

    @Test
    void recomputing_under_a_new_version_scores_the_same_facts_again() {
        List<Fact> facts = List.of(new Fact(1, FactType.STATION_ENTRY, LocalDate.of(2026, 5, 1)),
                new Fact(2, FactType.STATION_ENTRY, LocalDate.of(2026, 6, 1)));
        assertThat(total(rules(1, 2).evaluate(facts))).isEqualTo(4);
        assertThat(total(rules(2, 3).evaluate(facts))).isEqualTo(6);
    }

    @Test
    void grade_bands_take_the_highest_reached() {
        RuleSet r = rules(1, 2);
        assertThat(r.grade(35)).contains("优秀");
        assertThat(r.grade(20)).contains("良好");
        assertThat(r.grade(3)).contains("不合格");
    }

    @Test
    void a_region_without_its_own_rules_uses_its_nearest_ancestors() {
        RuleSet county = rules(1, 2);
        RuleSet province = new RuleSet("43", 2026, 1, Map.of(FactType.STATION_ENTRY, 1), Map.of(), List.of(), 4, null, 0);
        var latest = Map.of("430822", county, "43", province);
        assertThat(RuleSet.effective("430822207", 2026, latest)).contains(county);
        assertThat(RuleSet.effective("433124108", 2026, latest)).contains(province);
        assertThat(RuleSet.effective("433124108", 2025, latest)).isEmpty();
    }

    @Test
    void negative_caps_and_a_flag_date_outside_the_year_are_refused() {
        assertThatThrownBy(() -> new Cap(Period.MONTH, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleSet("43", 2026, 1, Map.of(), Map.of(), List.of(), 4, LocalDate.of(2027, 1, 1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
