package cn.lianluo.deputy.service;

import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Active deputies by level and how many sit in a station, for a region and each child region (the dashboard). */
@ApplicationScoped
public class DeputyStatistics {

    public record Figures(String regionCode, long total, Map<String, Long> byLevel, long assigned) {
    }

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
        @SuppressWarnings("unchecked")
        List<Object[]> totals = em.createNativeQuery("""
                SELECT substr(d.region_code, 1, ?2), count(*),
                       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM assignment a WHERE a.deputy_id = d.id AND a.home AND a.until_date IS NULL))
                FROM deputy d WHERE d.region_code LIKE ?1
                  AND EXISTS (SELECT 1 FROM mandate m WHERE m.deputy_id = d.id AND m.status = 'ACTIVE')
                GROUP BY 1""").setParameter(1, region.likePattern()).setParameter(2, child).getResultList();
        for (Object[] r : totals) {
            for (String key : RegionCode.selfAndChild(region, (String) r[0])) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0] += ((Number) r[1]).longValue();
                c[1] += ((Number) r[2]).longValue();
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> byLevel = em.createNativeQuery("""
                SELECT substr(d.region_code, 1, ?2), m.level, count(*)
                FROM deputy d JOIN (SELECT DISTINCT deputy_id, level FROM mandate WHERE status = 'ACTIVE') m ON m.deputy_id = d.id
                WHERE d.region_code LIKE ?1 GROUP BY 1, 2""").setParameter(1, region.likePattern()).setParameter(2, child).getResultList();
        for (Object[] r : byLevel) {
            for (String key : RegionCode.selfAndChild(region, (String) r[0])) {
                levels.computeIfAbsent(key, k -> new TreeMap<>()).merge((String) r[1], ((Number) r[2]).longValue(), Long::sum);
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
