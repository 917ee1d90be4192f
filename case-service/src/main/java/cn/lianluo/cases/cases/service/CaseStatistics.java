package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Case statistics of a region and period for the gateway's dashboard, for the region and for each child region:
 * the cases of the period (a province's or a city's whole months from the county tally, the rest from the cases) and
 * the deadlines warned or due now, each a grouped query.
 */
@ApplicationScoped
public class CaseStatistics {

    @Schema(name = "CaseFigures", description = "The cases of a region in the period, and its deadlines now.")
    public record Figures(String regionCode, long received,
                          @Schema(description = "received, by channel (RECEPTION, MAILBOX, …)", propertyNames = Channel.class) Map<String, Long> byChannel,
                          @Schema(description = "received, by category code") Map<String, Long> byCategory,
                          long closed, long answeredOnTheSpot, long closedOnTime, long overdueNow, long warningsNow,
                          long rated, long satisfied,
                          @Schema(nullable = true, description = "satisfied / rated; null when none was rated") Double satisfactionRate,
                          @Schema(nullable = true, description = "null when none was closed") Double averageWorkingDaysToClose) {
    }

    @Schema(name = "CaseStatistics")
    public record Statistics(String regionCode, LocalDate from,
                             @Schema(description = "the day after the period") LocalDate to, Figures total,
                             @Schema(description = "one per child region with cases") List<Figures> children) {
    }

    /** Regions whose children have codes of this length or shorter are counted from the county tally. */
    private static final int COUNTY_CODE_LENGTH = 6;

    private final EntityManager em;
    private final CaseClock clock;

    public CaseStatistics(EntityManager em, CaseClock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Cases received in [from, to) (dates in China), and what is overdue or warned now. */
    @Transactional
    public Statistics of(RegionCode region, LocalDate from, LocalDate to) {
        int childLength = region.childCodeLength();
        Map<String, Acc> byChild = new LinkedHashMap<>();
        Acc total = new Acc(region.value());
        String pattern = region.likePattern();
        // a province's or a city's children are counties or cities: their whole months come from the tally kept per
        // county and month (V4__case_tally.sql, tens of thousands of rows for a province's year), the days before and
        // after them from the cases; a county's and a township's figures all from the cases (thousands a year)
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate endWhole = to.withDayOfMonth(1);
        boolean tallied = childLength <= COUNTY_CODE_LENGTH && firstWhole.isBefore(endWhole);
        List<Object[]> rows = new ArrayList<>();
        if (tallied) {
            rows.addAll(rows("SELECT substr(county, 1, ?3), channel, category, sum(received), sum(closed), sum(on_the_spot), "
                    + "sum(closed_on_time), sum(rated), sum(satisfied), sum(days_sum), sum(days_count) FROM " + CaseTally.ROWS
                    + " t WHERE county LIKE ?1 AND month >= ?2 AND month < ?4 GROUP BY 1, 2, 3",
                    pattern, firstWhole, childLength, endWhole));
            rows.addAll(counted(pattern, childLength, from, firstWhole));
            rows.addAll(counted(pattern, childLength, endWhole, to));
        } else {
            rows.addAll(counted(pattern, childLength, from, to));
        }
        for (Object[] row : rows) {
            for (Acc acc : List.of(total, child(byChild, (String) row[0]))) {
                acc.byChannel.merge((String) row[1], n(row[3]), Long::sum);
                acc.byCategory.merge((String) row[2], n(row[3]), Long::sum);
                acc.received += n(row[3]);
                acc.closed += n(row[4]);
                acc.onTheSpot += n(row[5]);
                acc.onTime += n(row[6]);
                acc.rated += n(row[7]);
                acc.satisfied += n(row[8]);
                acc.daysSum += n(row[9]);
                acc.daysCount += n(row[10]);
            }
        }
        Instant now = clock.now();
        // only the deadlines already warned or due are grouped (the rest of the 140,000 open ones of a province count for nothing here)
        for (Object[] row : rows("""
                SELECT substr(d.region_code, 1, ?3),
                       count(DISTINCT d.case_id) FILTER (WHERE d.due_at <= ?2),
                       count(DISTINCT d.case_id) FILTER (WHERE d.warn_at <= ?2 AND d.due_at > ?2)
                FROM case_deadline d
                WHERE d.region_code LIKE ?1 AND d.met_at IS NULL AND NOT d.paused AND (d.warn_at <= ?2 OR d.due_at <= ?2)
                  AND NOT EXISTS (SELECT 1 FROM citizen_case c WHERE c.id = d.case_id AND c.paused)
                GROUP BY 1""", pattern, now, childLength)) {
            for (Acc acc : List.of(total, child(byChild, (String) row[0]))) {
                acc.overdue += n(row[1]);
                acc.warnings += n(row[2]);
            }
        }
        List<Figures> children = new ArrayList<>();
        if (childLength > region.value().length()) {
            byChild.values().stream().filter(a -> !a.region.equals(region.value()))
                    .sorted(java.util.Comparator.comparing(a -> a.region)).forEach(a -> children.add(a.figures()));
        }
        return new Statistics(region.value(), from, to, total.figures(), children);
    }

    /**
     * The cases received from {@code from} (a date in China) to before {@code to}, counted from the cases in one pass,
     * grouped by child region, channel and category (a few hundred groups for a province), with the memory to hash the
     * groups so the database does it in parallel (a province's year: 1.7 s as GROUPING SETS with a sort on disk, 0.7 s
     * so).
     */
    private List<Object[]> counted(String pattern, int childLength, LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        em.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
        return rows("""
                SELECT child, channel, category, count(*),
                       count(*) FILTER (WHERE status = 'CLOSED'),
                       count(*) FILTER (WHERE on_the_spot),
                       count(*) FILTER (WHERE closed_on_time),
                       count(*) FILTER (WHERE satisfaction IS NOT NULL),
                       count(*) FILTER (WHERE satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')),
                       sum(working_days_to_close), count(working_days_to_close)
                FROM (SELECT substr(region_code, 1, ?3) AS child, * FROM citizen_case
                      WHERE region_code LIKE ?1 AND received_at >= ?2 AND received_at < ?4) c
                GROUP BY child, channel, category""", pattern, from.atStartOfDay(CaseClock.CHINA).toInstant(), childLength,
                to.atStartOfDay(CaseClock.CHINA).toInstant());
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

    private static Acc child(Map<String, Acc> byChild, String code) {
        return byChild.computeIfAbsent(code, Acc::new);
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static final class Acc {
        final String region;
        long received, closed, onTheSpot, onTime, rated, satisfied, daysSum, daysCount, overdue, warnings;
        final Map<String, Long> byChannel = new HashMap<>();
        final Map<String, Long> byCategory = new HashMap<>();

        Acc(String region) {
            this.region = region;
        }

        Figures figures() {
            return new Figures(region, received, byChannel, byCategory, closed, onTheSpot, onTime, overdue, warnings,
                    rated, satisfied, rated == 0 ? null : Math.round(satisfied * 10000.0 / rated) / 10000.0,
                    daysCount == 0 ? null : Math.round(daysSum * 100.0 / daysCount) / 100.0);
        }
    }
}
