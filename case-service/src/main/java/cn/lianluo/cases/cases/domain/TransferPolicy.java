package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.HandlingUnit;
import cn.lianluo.common.problem.ProblemException;

/**
 * 转办: a case passes sideways, to another unit of the same administrative level as the one handling it. Up the tree
 * is 上交 ({@link EscalationPolicy}); a unit that should not have had the case at all returns it (退回).
 */
public final class TransferPolicy {

    private TransferPolicy() {
    }

    /** The unit transferred to, if it is another unit of the level of the one handling the case; otherwise 422. */
    public static HandlingUnit sameLevel(HandlingUnit from, HandlingUnit to) {
        if (to.id().equals(from.id())) {
            throw ProblemException.unprocessable("transfer-same-unit", CommandField.UNIT_ID.json(),
                    "the case is already with " + from.name() + "; 转办 passes it to another unit");
        }
        if (to.level() != from.level()) {
            throw ProblemException.unprocessable("transfer-level", CommandField.UNIT_ID.json(),
                    "转办 goes to a unit of the same level as " + from.name() + " (" + from.level() + "), not to "
                            + to.name() + " (" + to.level() + "); to a higher level the case is escalated (上交)");
        }
        return to;
    }
}
