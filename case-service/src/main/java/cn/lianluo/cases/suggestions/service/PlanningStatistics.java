package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.livelihood.domain.ProjectStatus;
import cn.lianluo.cases.suggestions.domain.Grade;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Statistics of suggestions and livelihood projects for the dashboards, per region and child region. */
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

    @Schema(name = "ProjectFigures")
    public record ProjectFigures(String regionCode, long total,
                                 @Schema(description = "by status (PROPOSED, SHORTLISTED, …)", propertyNames = ProjectStatus.class) Map<String, Long> byStatus,
                                 @Schema(nullable = true, description = "percent; null without projects") Double averageProgress,
                                 long evaluations,
                                 @Schema(nullable = true, description = "null without evaluations") Double satisfactionRate) {
    }

    @Schema(name = "ProjectStatistics")
    public record ProjectStatistics(String regionCode, @Schema(nullable = true, description = "null: every year") Integer year,
                                    ProjectFigures total,
                                    @Schema(description = "one per child region with projects") List<ProjectFigures> children) {
    }

    private final EntityManager em;

    public PlanningStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public SuggestionStatistics suggestions(RegionCode region) {
        int child = childLength(region);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> statuses = new TreeMap<>();
        Map<String, Map<String, Long>> grades = new TreeMap<>();
        for (Object[] r : rows("""
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
                grades.getOrDefault(key, Map.of()), c[1], c[2], c[3], rate(c[3], c[2]), c[4], c[5], rate(c[5], c[4]))));
        SuggestionFigures total = figures.stream().filter(f -> f.regionCode().equals(region.value())).findFirst()
                .orElse(new SuggestionFigures(region.value(), 0, Map.of(), Map.of(), 0, 0, 0, null, 0, 0, null));
        return new SuggestionStatistics(region.value(), total, children(figures, region, SuggestionFigures::regionCode));
    }

    @Transactional
    public ProjectStatistics projects(RegionCode region, Integer year) {
        int child = childLength(region);
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> statuses = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT substr(p.region_code, 1, ?2), p.status, count(*), sum(p.progress), coalesce(sum(e.n), 0), coalesce(sum(e.ok), 0)
                FROM livelihood_project p
                LEFT JOIN (SELECT project_id, count(*) AS n, count(*) FILTER (WHERE satisfaction <> 'UNSATISFIED') AS ok
                           FROM project_evaluation GROUP BY project_id) e ON e.project_id = p.id
                WHERE p.region_code LIKE ?1 AND (?3 = 0 OR p.year = ?3) GROUP BY 1, 2""",
                region.likePattern(), child, year == null ? 0 : year)) {
            for (String key : RegionCode.selfAndChild(region, (String) r[0])) {
                long[] c = counts.computeIfAbsent(key, k -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    c[i] += r[2 + i] == null ? 0 : ((Number) r[2 + i]).longValue();
                }
                statuses.computeIfAbsent(key, k -> new TreeMap<>()).merge((String) r[1], ((Number) r[2]).longValue(), Long::sum);
            }
        }
        List<ProjectFigures> figures = new ArrayList<>();
        counts.forEach((key, c) -> figures.add(new ProjectFigures(key, c[0], statuses.getOrDefault(key, Map.of()),
                c[0] == 0 ? null : Math.round(c[1] * 100.0 / c[0]) / 100.0, c[2], rate(c[3], c[2]))));
        ProjectFigures total = figures.stream().filter(f -> f.regionCode().equals(region.value())).findFirst()
                .orElse(new ProjectFigures(region.value(), 0, Map.of(), null, 0, null));
        return new ProjectStatistics(region.value(), year, total, children(figures, region, ProjectFigures::regionCode));
    }

    private static <F> List<F> children(List<F> figures, RegionCode region, java.util.function.Function<F, String> code) {
        return figures.stream().filter(f -> !code.apply(f).equals(region.value()))
                .sorted(Comparator.comparing(code)).toList();
    }

    private static int childLength(RegionCode region) {
        return region.childCodeLength();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }
}
