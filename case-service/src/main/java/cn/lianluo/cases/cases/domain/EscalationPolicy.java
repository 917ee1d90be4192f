package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.HandlingUnit;
import cn.lianluo.common.problem.ProblemException;

/** 按职责层级上交: a unit hands a case up the tree, never sideways or down. */
public final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /** The unit escalated to, if it is of a higher level than the one handling the case; otherwise 422. */
    public static HandlingUnit onlyUpwards(HandlingUnit from, HandlingUnit to) {
        // RegionLevel runs from the province down: a higher level has a smaller ordinal
        if (to.level().ordinal() >= from.level().ordinal()) {
            throw ProblemException.unprocessable("escalation-level", CommandField.UNIT_ID.json(),
                    "escalation goes to a unit of a higher level than " + from.level() + " (按职责层级交办)");
        }
        return to;
    }
}
