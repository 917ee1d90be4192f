package cn.lianluo.station.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The voters' assessments of one report (述职评议), counted. The satisfaction rate is the share of 满意 and 基本满意 among
 * the assessments, as the dashboards count a case's; null while nobody has assessed.
 */
public record ReportTally(int satisfied, int basicallySatisfied, int unsatisfied) {

    public ReportTally {
        if (satisfied < 0 || basicallySatisfied < 0 || unsatisfied < 0) {
            throw new IllegalArgumentException("a tally counts from 0");
        }
    }

    public static ReportTally of(Map<Satisfaction, Integer> counts) {
        return new ReportTally(counts.getOrDefault(Satisfaction.SATISFIED, 0),
                counts.getOrDefault(Satisfaction.BASICALLY_SATISFIED, 0), counts.getOrDefault(Satisfaction.UNSATISFIED, 0));
    }

    public int total() {
        return satisfied + basicallySatisfied + unsatisfied;
    }

    /** Four places, as the dashboards round it; null over no assessment. */
    public Double satisfactionRate() {
        if (total() == 0) {
            return null;
        }
        return BigDecimal.valueOf(satisfied + basicallySatisfied)
                .divide(BigDecimal.valueOf(total()), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
