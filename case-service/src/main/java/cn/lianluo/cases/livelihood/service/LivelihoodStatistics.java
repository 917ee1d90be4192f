package cn.lianluo.cases.livelihood.service;

import cn.lianluo.cases.livelihood.domain.ProjectStatus;
import cn.lianluo.cases.shared.RegionFigures;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Statistics of livelihood projects for the dashboards, per region and child region. */
@ApplicationScoped
public class LivelihoodStatistics {

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

    public LivelihoodStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public ProjectStatistics projects(RegionCode region, Integer year) {
        int child = region.childCodeLength();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> statuses = new TreeMap<>();
        for (Object[] r : RegionFigures.rows(em, """
                SELECT substr(p.region_code, 1, ?2), p.status, count(*), sum(p.progress), coalesce(sum(e.n), 0), coalesce(sum(e.ok), 0)
                FROM livelihood_project p
                LEFT JOIN (SELECT project_id, count(*) AS n, count(*) FILTER (WHERE satisfaction <> 'UNSATISFIED') AS ok
                           FROM project_evaluation WHERE source <> 'UNIT' GROUP BY project_id) e ON e.project_id = p.id
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
                c[0] == 0 ? null : Math.round(c[1] * 100.0 / c[0]) / 100.0, c[2], RegionFigures.rate(c[3], c[2]))));
        ProjectFigures total = figures.stream().filter(f -> f.regionCode().equals(region.value())).findFirst()
                .orElse(new ProjectFigures(region.value(), 0, Map.of(), null, 0, null));
        return new ProjectStatistics(region.value(), year, total, RegionFigures.children(figures, region, ProjectFigures::regionCode));
    }
}
