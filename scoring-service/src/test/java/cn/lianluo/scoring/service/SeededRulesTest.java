package cn.lianluo.scoring.service;

import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.RuleSet;
import cn.lianluo.scoring.domain.RuleSet.Cap;
import cn.lianluo.scoring.domain.RuleSet.Fact;
import cn.lianluo.scoring.domain.RuleSet.Period;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example rule sets of {@code seeds/points-rules.json}: every rule that can be repeated is capped (a yearly cap
 * where the seed gives no shorter period), so no one kind of act, however often recorded, carries a deputy's total.
 */
class SeededRulesTest {

    static List<RuleSet> seeded() throws IOException {
        JsonNode file = new ObjectMapper().readTree(Path.of("../seeds/points-rules.json").toFile());
        List<RuleSet> sets = new ArrayList<>();
        for (JsonNode s : file.path("ruleSets")) {
            Map<FactType, Integer> points = new EnumMap<>(FactType.class);
            s.path("rules").path("points").fields().forEachRemaining(e -> points.put(FactType.valueOf(e.getKey()), e.getValue().asInt()));
            Map<FactType, Cap> caps = new EnumMap<>(FactType.class);
            s.path("rules").path("caps").fields().forEachRemaining(e -> caps.put(FactType.valueOf(e.getKey()),
                    new Cap(Period.valueOf(e.getValue().path("period").asText()), e.getValue().path("max").asInt())));
            sets.add(new RuleSet(s.path("regionCode").asText(), s.path("year").asInt(), 1, points, caps, List.of(),
                    s.path("rules").path("requiredStationEntries").asInt(), null, 0));
        }
        return sets;
    }

    @Test
    void every_rule_that_earns_points_has_a_cap() throws IOException {
        List<RuleSet> sets = seeded();
        assertThat(sets).extracting(RuleSet::regionCode).contains("43", "430822");
        for (RuleSet rules : sets) {
            rules.points().forEach((type, value) -> {
                if (value > 0) {
                    assertThat(rules.caps()).as(rules.regionCode() + " " + type).containsKey(type);
                }
            });
        }
    }

    @Test
    void a_fact_recorded_every_day_of_the_year_earns_no_more_than_its_caps_allow() throws IOException {
        for (RuleSet rules : seeded()) {
            for (FactType type : rules.points().keySet()) {
                if (rules.points().get(type) <= 0) {
                    continue;
                }
                List<Fact> daily = new ArrayList<>();
                for (LocalDate d = LocalDate.of(rules.year(), 1, 1); d.getYear() == rules.year(); d = d.plusDays(1)) {
                    daily.add(new Fact(daily.size(), type, d));
                }
                Cap cap = rules.caps().get(type);
                int periods = switch (cap.period()) {
                    case MONTH -> 12;
                    case QUARTER -> 4;
                    case YEAR -> 1;
                };
                int total = rules.evaluate(daily).stream().mapToInt(RuleSet.Award::points).sum();
                assertThat(total).as(rules.regionCode() + " " + type).isEqualTo(cap.max() * periods);
            }
        }
    }
}
