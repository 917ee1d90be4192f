package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.shared.RegionFigures;
import cn.lianluo.cases.suggestions.domain.Grade;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Statistics of suggestions for the dashboards, per region and child region (the projects': {@code LivelihoodStatistics}). */
@ApplicationScoped
public class PlanningStatistics {

    @Schema(name = "SuggestionFigures")
    public record SuggestionFigures(String regionCode, long total,
                                    @Schema(description = "by status (SUBMITTED, ASSIGNED, ANSWERED, CLOSED)", propertyNames = SuggestionStatus.class) Map<String, Long> byStatus,
                                    @Schema(description = "answered, by grade (A–D)", propertyNames = Grade.class) Map<String, Long> byGrade,
                                    long keySuggestions, long answered, long answeredOnTime,
                                    @Schema(nullable = true, description = "null when none was answered") Double onTimeRate,
                                    long rated, long satisfied,
                                    @Schema(nullable = true, description = "null when none was rated") Double satisfactionRate) {
    }

    @Schema(name = "SuggestionStatistics")
    public record SuggestionStatistics(String regionCode, SuggestionFigures total,
                                       @Schema(description = "one per child region with suggestions") List<SuggestionFigures> children) {
    }

    private final EntityManager em;

    public PlanningStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public SuggestionStatistics suggestions(RegionCode region) {
        int child = region.childCodeLength();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> statuses = new TreeMap<>();
        Map<String, Map<String, Long>> grades = new TreeMap<>();
        for (Object[] r : RegionFigures.rows(em, """
                SELECT substr(region_code, 1, ?2), status, grade, count(*), count(*) FILTER (WHERE key_suggestion),
                       count(*) FILTER (WHERE answered_on IS NOT NULL), count(*) FILTER (WHERE answered_on_time),
                       count(*) FILTER (WHERE rating IS NOT NULL), count(*) FILTER (WHERE rating IN ('SATISFIED', 'BASICALLY_SATISFIED'))
                FROM suggestion WHERE region_code LIKE ?1 GROUP BY 1, 2, 3""", region.likePattern(), child)) {
            for (String key : RegionCode.selfAndChild(region, (String) r[0])) {
                long[] c = counts.computeIfAbsent(key, k -> new long[6]);
                for (int i = 0; i < 6; i++) {
                    c[i] += ((Number) r[3 + i]).longValue();
                }
                statuses.computeIfAbsent(key, k -> new TreeMap<>()).merge((String) r[1], ((Number) r[3]).longValue(), Long::sum);
                if (r[2] != null) {
                    grades.computeIfAbsent(key, k -> new TreeMap<>()).merge((String) r[2], ((Number) r[3]).longValue(), Long::sum);
                }
            }
        }
        List<SuggestionFigures> figures = new ArrayList<>();
        counts.forEach((key, c) -> figures.add(new SuggestionFigures(key, c[0], statuses.getOrDefault(key, Map.of()),
                grades.getOrDefault(key, Map.of()), c[1], c[2], c[3], RegionFigures.rate(c[3], c[2]), c[4], c[5], RegionFigures.rate(c[5], c[4]))));
        SuggestionFigures total = figures.stream().filter(f -> f.regionCode().equals(region.value())).findFirst()
                .orElse(new SuggestionFigures(region.value(), 0, Map.of(), Map.of(), 0, 0, 0, null, 0, 0, null));
        return new SuggestionStatistics(region.value(), total, RegionFigures.children(figures, region, SuggestionFigures::regionCode));
    }
}
