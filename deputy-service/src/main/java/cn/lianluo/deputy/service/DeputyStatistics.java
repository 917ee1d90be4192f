package cn.lianluo.deputy.service;

import cn.lianluo.common.region.RegionCode;
import cn.lianluo.deputy.domain.DeputyLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Active deputies by level and how many sit in a station, for a region and each child region (the dashboard). */
@ApplicationScoped
public class DeputyStatistics {

    @Schema(name = "DeputyFigures")
    public record Figures(String regionCode, long total,
                          @Schema(description = "active deputies by level (NATIONAL, PROVINCIAL, CITY, COUNTY, TOWNSHIP); "
                                  + "a deputy with two levels counts in both; levels without deputies are left out",
                                  propertyNames = DeputyLevel.class)
                          Map<String, Long> byLevel,
                          long assigned) {
    }

    @Schema(name = "DeputyStatistics")
    public record Statistics(String regionCode, Figures total, List<Figures> children) {
    }

    private final EntityManager em;

    public DeputyStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Statistics of(RegionCode region) {
        int child = region.childCodeLength();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> levels = new TreeMap<>();
        // one pass over the deputies' tally rows (V2__deputy_tally.sql), grouped by child region and level set
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT substr(region_code, 1, ?2), levels, count(*), count(*) FILTER (WHERE home)
                FROM deputy_tally WHERE region_code LIKE ?1 AND cardinality(levels) > 0
                GROUP BY 1, 2""").setParameter(1, region.likePattern()).setParameter(2, child).getResultList();
        for (Object[] r : rows) {
            long deputies = ((Number) r[2]).longValue();
            for (String key : RegionCode.selfAndChild(region, (String) r[0])) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0] += deputies;
                c[1] += ((Number) r[3]).longValue();
                for (Object level : (Object[]) r[1]) {
                    levels.computeIfAbsent(key, k -> new TreeMap<>()).merge(level.toString(), deputies, Long::sum);
                }
            }
        }
        Figures total = new Figures(region.value(), 0, Map.of(), 0);
        List<Figures> children = new ArrayList<>();
        for (var e : counts.entrySet()) {
            Figures f = new Figures(e.getKey(), e.getValue()[0], levels.getOrDefault(e.getKey(), Map.of()), e.getValue()[1]);
            if (e.getKey().equals(region.value())) {
                total = f;
            } else {
                children.add(f);
            }
        }
        return new Statistics(region.value(), total, children);
    }
}
