package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.shared.RegionFigures;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.time.Zones;
import io.quarkus.cache.CacheResult;
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
 * the deadlines warned or due now, each a grouped query. The public figures of a year ({@link #ofYear}) are the same
 * count, asked to add the region's total up by month as well: one computation, so a township's public 办结率 cannot
 * differ from its dashboard's.
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
                          @Schema(nullable = true, description = "null when none was closed") Double averageWorkingDaysToClose,
                          @Schema(description = "合并办理: cases of the period merged into another case as duplicates (重复件); "
                                  + "a matter counts once, so these are in none of the other figures (the case they were "
                                  + "merged into counts it)") long merged) {
    }

    @Schema(name = "CaseStatistics")
    public record Statistics(String regionCode, LocalDate from,
                             @Schema(description = "the day after the period") LocalDate to, Figures total,
                             @Schema(description = "one per child region with cases") List<Figures> children,
                             @Schema(description = "日历提醒: the years whose official holiday arrangement is missing (next "
                                     + "year's from 1 November); empty most of the year")
                             List<CalendarAlerts.CalendarAlert> calendarAlerts) {

        Statistics withCalendarAlerts(List<CalendarAlerts.CalendarAlert> alerts) {
            return new Statistics(regionCode, from, to, total, children, List.copyOf(alerts));
        }
    }

    @Schema(name = "PublicCaseRates", description = "收件数、办结率、按时办结率、满意度: counts and the rates made of them")
    public record Rates(long received, long closed, long closedOnTime, long rated, long satisfied,
                        @Schema(nullable = true, description = "办结率 closed / received; null when none was received") Double closedRate,
                        @Schema(nullable = true, description = "按时办结率 closedOnTime / closed; null when none was closed") Double onTimeRate,
                        @Schema(nullable = true, description = "满意度 satisfied (满意 or 基本满意) / rated; null when none was rated") Double satisfactionRate) {
    }

    @Schema(name = "PublicCaseCategoryRates")
    public record CategoryRates(@Schema(description = "category code") String category,
                                @Schema(nullable = true, description = "the category's name (分级分类)") String name, Rates figures) {
    }

    @Schema(name = "PublicCaseMonthRates")
    public record MonthRates(@Schema(description = "1 to 12: the month the cases were received in (China)") int month, Rates figures) {
    }

    @Schema(name = "PublicCaseRegionRates")
    public record RegionRates(String regionCode, Rates figures) {
    }

    @Schema(name = "PublicCaseStatistics", description = "政务公开: a region's cases of a year, as the staff dashboard counts them")
    public record PublicStatistics(String regionCode, int year, LocalDate from,
                                   @Schema(description = "the day after the period") LocalDate to, Rates total,
                                   @Schema(description = "one per category with cases, by code") List<CategoryRates> byCategory,
                                   @Schema(description = "the twelve months, January first") List<MonthRates> byMonth,
                                   @Schema(description = "one per child region with cases") List<RegionRates> children) {
    }

    /** Regions whose children have codes of this length or shorter are counted from the county tally. */
    private static final int COUNTY_CODE_LENGTH = 6;

    private final EntityManager em;
    private final CaseClock clock;
    private final UnitService units;
    private final CalendarAlerts alerts;

    public CaseStatistics(EntityManager em, CaseClock clock, UnitService units, CalendarAlerts alerts) {
        this.em = em;
        this.alerts = alerts;
        this.clock = clock;
        this.units = units;
    }

    /** Cases received in [from, to) (dates in China), and what is overdue or warned now. */
    @Transactional
    public Statistics of(RegionCode region, LocalDate from, LocalDate to) {
        return count(region, from, to, false).statistics().withCalendarAlerts(alerts.current());
    }

    /**
     * The public figures of a region's year: the very figures {@link #of} gives the staff dashboard for that year (the
     * same count, which also adds them up by category and by month here), as counts and rates only. Kept a minute
     * (quarkus.cache.caffeine."public-statistics"): the public can ask as often as it likes, a province's year is
     * added up at most once a minute per replica.
     */
    @CacheResult(cacheName = "public-statistics")
    @Transactional
    public PublicStatistics ofYear(String regionCode, int year) {
        RegionCode region = RegionCode.of(regionCode);
        LocalDate from = LocalDate.of(year, 1, 1);
        Counted counted = count(region, from, from.plusYears(1), true);
        Map<String, String> names = new HashMap<>();
        units.categories().forEach(c -> names.put(c.code(), c.name()));
        List<CategoryRates> byCategory = counted.categories().values().stream()
                .sorted(java.util.Comparator.comparing(a -> a.region))
                .map(a -> new CategoryRates(a.region, names.get(a.region), a.rates())).toList();
        List<MonthRates> byMonth = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            Acc acc = counted.months().getOrDefault(LocalDate.of(year, month, 1), new Acc(null));
            byMonth.add(new MonthRates(month, acc.rates()));
        }
        Statistics statistics = counted.statistics();
        List<RegionRates> children = statistics.children().stream()
                .map(f -> new RegionRates(f.regionCode(), rates(f.received(), f.closed(), f.closedOnTime(), f.rated(), f.satisfied())))
                .toList();
        Figures t = statistics.total();
        return new PublicStatistics(region.value(), year, from, from.plusYears(1),
                rates(t.received(), t.closed(), t.closedOnTime(), t.rated(), t.satisfied()), byCategory, byMonth, children);
    }

    /** The figures, and (when asked for) the region's total by category and by month received. */
    private record Counted(Statistics statistics, Map<String, Acc> categories, Map<LocalDate, Acc> months) {
    }

    private Counted count(RegionCode region, LocalDate from, LocalDate to, boolean byMonth) {
        int childLength = region.childCodeLength();
        Map<String, Acc> byChild = new LinkedHashMap<>();
        Map<String, Acc> categories = new HashMap<>();
        Map<LocalDate, Acc> months = new HashMap<>();
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
            rows.addAll(RegionFigures.rows(em, "SELECT substr(county, 1, ?3), channel, category, sum(received), sum(closed), sum(on_the_spot), "
                    + "sum(closed_on_time), sum(rated), sum(satisfied), sum(days_sum), sum(days_count), "
                    + (byMonth ? "month" : "CAST(NULL AS DATE)") + ", sum(merged) FROM " + CaseTally.ROWS
                    + " t WHERE county LIKE ?1 AND month >= ?2 AND month < ?4 GROUP BY 1, 2, 3" + (byMonth ? ", 12" : ""),
                    pattern, firstWhole, childLength, endWhole));
            rows.addAll(counted(pattern, childLength, from, firstWhole, byMonth));
            rows.addAll(counted(pattern, childLength, endWhole, to, byMonth));
        } else {
            rows.addAll(counted(pattern, childLength, from, to, byMonth));
        }
        for (Object[] row : rows) {
            List<Acc> into = new ArrayList<>(List.of(total, child(byChild, (String) row[0]), child(categories, (String) row[2])));
            if (row[11] != null) {
                into.add(months.computeIfAbsent(day(row[11]), m -> new Acc(null)));
            }
            for (Acc acc : into) {
                if (n(row[3]) != 0) {
                    // a group of merged cases only has received none of its channel or category
                    acc.byChannel.merge((String) row[1], n(row[3]), Long::sum);
                    acc.byCategory.merge((String) row[2], n(row[3]), Long::sum);
                }
                acc.received += n(row[3]);
                acc.closed += n(row[4]);
                acc.onTheSpot += n(row[5]);
                acc.onTime += n(row[6]);
                acc.rated += n(row[7]);
                acc.satisfied += n(row[8]);
                acc.daysSum += n(row[9]);
                acc.daysCount += n(row[10]);
                acc.merged += n(row[12]);
            }
        }
        Instant now = clock.now();
        // only the deadlines already warned or due are grouped (the rest of the 140,000 open ones of a province count for nothing here)
        for (Object[] row : RegionFigures.rows(em, """
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
        return new Counted(new Statistics(region.value(), from, to, total.figures(), children, List.of()), categories, months);
    }

    /**
     * The cases received from {@code from} (a date in China) to before {@code to}, counted from the cases in one pass,
     * grouped by child region, channel and category (a few hundred groups for a province), with the memory to hash the
     * groups so the database does it in parallel (a province's year: 1.7 s as GROUPING SETS with a sort on disk, 0.7 s
     * so). With {@code byMonth}, grouped by the month received (in China) too.
     */
    private List<Object[]> counted(String pattern, int childLength, LocalDate from, LocalDate to, boolean byMonth) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        em.createNativeQuery("SET LOCAL work_mem = '32MB'").executeUpdate();
        return RegionFigures.rows(em, """
                SELECT child, channel, category, count(*) FILTER (WHERE counted),
                       count(*) FILTER (WHERE counted AND status = 'CLOSED'),
                       count(*) FILTER (WHERE counted AND on_the_spot),
                       count(*) FILTER (WHERE counted AND closed_on_time),
                       count(*) FILTER (WHERE counted AND satisfaction IS NOT NULL),
                       count(*) FILTER (WHERE counted AND satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')),
                       sum(working_days_to_close) FILTER (WHERE counted), count(working_days_to_close) FILTER (WHERE counted),
                       month, count(*) FILTER (WHERE NOT counted)
                FROM (SELECT substr(region_code, 1, ?3) AS child,
                             CASE WHEN ?5 THEN CAST(date_trunc('month', received_at AT TIME ZONE 'Asia/Shanghai') AS DATE) END AS month, *,
                             status <> 'MERGED' AS counted
                      FROM citizen_case WHERE region_code LIKE ?1 AND received_at >= ?2 AND received_at < ?4) c
                GROUP BY child, channel, category, month""", pattern, from.atStartOfDay(Zones.CHINA).toInstant(), childLength,
                to.atStartOfDay(Zones.CHINA).toInstant(), byMonth);
    }

    private static Acc child(Map<String, Acc> byChild, String code) {
        return byChild.computeIfAbsent(code, Acc::new);
    }

    private static LocalDate day(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Rates rates(long received, long closed, long closedOnTime, long rated, long satisfied) {
        return new Rates(received, closed, closedOnTime, rated, satisfied, ratio(closed, received), ratio(closedOnTime, closed),
                ratio(satisfied, rated));
    }

    /** A share rounded as the dashboard rounds satisfactionRate (four places); null over nothing. */
    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static final class Acc {
        final String region;
        long received, closed, onTheSpot, onTime, rated, satisfied, daysSum, daysCount, overdue, warnings, merged;
        final Map<String, Long> byChannel = new HashMap<>();
        final Map<String, Long> byCategory = new HashMap<>();

        Acc(String region) {
            this.region = region;
        }

        Rates rates() {
            return CaseStatistics.rates(received, closed, onTime, rated, satisfied);
        }

        Figures figures() {
            return new Figures(region, received, byChannel, byCategory, closed, onTheSpot, onTime, overdue, warnings,
                    rated, satisfied, rated == 0 ? null : Math.round(satisfied * 10000.0 / rated) / 10000.0,
                    daysCount == 0 ? null : Math.round(daysSum * 100.0 / daysCount) / 100.0, merged);
        }
    }
}
