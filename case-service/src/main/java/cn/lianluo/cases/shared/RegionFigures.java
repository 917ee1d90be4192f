package cn.lianluo.cases.shared;

import cn.lianluo.common.region.RegionCode;
import jakarta.persistence.EntityManager;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What the dashboards' statistics of several features share (the cases' {@code CaseStatistics}, suggestions'
 * {@code PlanningStatistics}, livelihood's {@code LivelihoodStatistics}): the native query of counts per region, the
 * child regions' figures and a rate.
 */
public final class RegionFigures {

    private RegionFigures() {
    }

    /** The figures of the child regions (every one but the region's own), by region code. */
    public static <F> List<F> children(List<F> figures, RegionCode region, Function<F, String> code) {
        return figures.stream().filter(f -> !code.apply(f).equals(region.value()))
                .sorted(Comparator.comparing(code)).toList();
    }

    /** The share {@code part / whole} to four decimals; null when the whole is 0. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    /** The rows of a native query with positional parameters {@code ?1, ?2, …}. */
    public static List<Object[]> rows(EntityManager em, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }
}
