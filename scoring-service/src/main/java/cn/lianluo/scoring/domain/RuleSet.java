package cn.lianluo.scoring.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's points rules for a year (积分规则): points per fact type (negative for a deduction), caps per month,
 * quarter or year, grade bands, the station entries a deputy owes a year and the date a shortfall is flagged.
 */
public record RuleSet(String regionCode, int year, int version, Map<FactType, Integer> points, Map<FactType, Cap> caps,
                      List<GradeBand> grades, int requiredStationEntries, LocalDate flagDate, int lowScore) {

    public enum Period { MONTH, QUARTER, YEAR }

    /** At most {@code max} points of a fact type in each month, quarter or year. */
    public record Cap(Period period, int max) {
        public Cap {
            if (max < 0) {
                throw new IllegalArgumentException("a cap is not negative");
            }
        }
    }

    /** A grade (等次) and the least total that reaches it. */
    public record GradeBand(String name, int minPoints) {
    }

    /** A fact to score: what, when, and its id (the order of evaluation within a day). */
    public record Fact(long id, FactType type, LocalDate on) {
    }

    /** The points one fact earns under this rule set. */
    public record Award(long factId, FactType type, int points, String reason) {
    }

    public RuleSet {
        points = points.isEmpty() ? Map.of() : new EnumMap<>(points);
        caps = caps.isEmpty() ? Map.of() : new EnumMap<>(caps);
        grades = grades.stream().sorted(Comparator.comparingInt(GradeBand::minPoints).reversed()).toList();
        if (requiredStationEntries < 0) {
            throw new IllegalArgumentException("required station entries are not negative");
        }
        if (flagDate != null && flagDate.getYear() != year) {
            throw new IllegalArgumentException("the flag date lies in the rule set's year");
        }
    }

    /**
     * Scores a deputy's facts of the year in order: each earns its type's points, a positive award no more than
     * is left of its cap in that period. Facts of other years or without points earn nothing. The totals do not
     * depend on the order in which the facts arrived.
     */
    public List<Award> evaluate(List<Fact> facts) {
        List<Fact> ordered = new ArrayList<>(facts);
        ordered.sort(Comparator.comparing(Fact::on).thenComparingLong(Fact::id));
        Map<String, Integer> used = new HashMap<>();
        List<Award> awards = new ArrayList<>();
        for (Fact fact : ordered) {
            Cap cap = caps.get(fact.type());
            String key = cap == null ? "" : fact.type() + "|" + periodStart(fact.on(), cap.period());
            award(fact, used.getOrDefault(key, 0)).ifPresent(a -> {
                awards.add(a);
                used.merge(key, a.points(), Integer::sum);
            });
        }
        return awards;
    }

    /**
     * What one fact earns when {@code usedInPeriod} points of its type are already awarded in its cap's period;
     * empty when it earns nothing (another year, or no points for its type).
     */
    public Optional<Award> award(Fact fact, int usedInPeriod) {
        if (fact.on().getYear() != year) {
            return Optional.empty();
        }
        int value = points.getOrDefault(fact.type(), 0);
        if (value == 0) {
            return Optional.empty();
        }
        Cap cap = caps.get(fact.type());
        if (value > 0 && cap != null) {
            int granted = Math.max(0, Math.min(value, cap.max() - usedInPeriod));
            return Optional.of(new Award(fact.id(), fact.type(), granted, granted < value
                    ? fact.type().label() + " " + granted + " 分(已达" + cap.period() + "上限 " + cap.max() + ")"
                    : fact.type().label() + " " + value + " 分"));
        }
        return Optional.of(new Award(fact.id(), fact.type(), value, fact.type().label() + " " + value + " 分"));
    }

    /** The first day of the cap period a day falls in (the period ends the day before the next one starts). */
    public static LocalDate periodStart(LocalDate on, Period period) {
        return switch (period) {
            case MONTH -> on.withDayOfMonth(1);
            case QUARTER -> on.withMonth((on.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case YEAR -> on.withDayOfYear(1);
        };
    }

    public static LocalDate periodEnd(LocalDate on, Period period) {
        return switch (period) {
            case MONTH -> periodStart(on, period).plusMonths(1).minusDays(1);
            case QUARTER -> periodStart(on, period).plusMonths(3).minusDays(1);
            case YEAR -> periodStart(on, period).plusYears(1).minusDays(1);
        };
    }

    /** The grade band of a total (the highest band it reaches). */
    public Optional<String> grade(int total) {
        return grades.stream().filter(g -> total >= g.minPoints()).map(GradeBand::name).findFirst();
    }

    /** The rule set that applies to a region: its own, else the nearest ancestor's. */
    public static Optional<RuleSet> effective(String regionCode, int year, Map<String, RuleSet> latestByRegion) {
        for (int length = regionCode.length(); length >= 2; length--) {
            RuleSet own = latestByRegion.get(regionCode.substring(0, length));
            if (own != null && own.year() == year) {
                return Optional.of(own);
            }
        }
        return Optional.empty();
    }
}
