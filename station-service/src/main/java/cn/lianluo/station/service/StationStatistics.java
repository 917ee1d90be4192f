package cn.lianluo.station.service;

import cn.lianluo.common.region.RegionCode;
import cn.lianluo.station.domain.StationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Stations of a region by type and 六有 compliance, for the region and each child region (the dashboard). */
@ApplicationScoped
public class StationStatistics {

    @Schema(name = "StationFigures", description = "The stations of one region: how many, by type, and how many meet the 六有 standard")
    public record Figures(String regionCode, long total,
                          @Schema(description = "stations by type; a type without stations is left out",
                                  propertyNames = StationType.class) Map<StationType, Long> byType,
                          long standardMet) {
    }

    @Schema(name = "StationStatistics")
    public record Statistics(String regionCode, Figures total,
                             @Schema(description = "each child region that has stations, by code") List<Figures> children) {
    }

    private final EntityManager em;

    public StationStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public Statistics of(RegionCode region) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT substr(region_code, 1, ?2), type, count(*), count(*) FILTER (WHERE standard_met) "
                        + "FROM station WHERE region_code LIKE ?1 GROUP BY 1, 2")
                .setParameter(1, region.likePattern()).setParameter(2, region.childCodeLength()).getResultList();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<StationType, Long>> types = new TreeMap<>();
        for (Object[] r : rows) {
            for (String key : RegionCode.selfAndChild(region, (String) r[0])) {
                long[] c = counts.computeIfAbsent(key, k -> new long[2]);
                c[0] += ((Number) r[2]).longValue();
                c[1] += ((Number) r[3]).longValue();
                types.computeIfAbsent(key, k -> new EnumMap<>(StationType.class))
                        .merge(StationType.valueOf((String) r[1]), ((Number) r[2]).longValue(), Long::sum);
            }
        }
        Figures total = new Figures(region.value(), 0, Map.of(), 0);
        List<Figures> children = new ArrayList<>();
        for (var e : counts.entrySet()) {
            Figures f = new Figures(e.getKey(), e.getValue()[0], types.get(e.getKey()), e.getValue()[1]);
            if (e.getKey().equals(region.value())) {
                total = f;
            } else {
                children.add(f);
            }
        }
        return new Statistics(region.value(), total, children);
    }
}
