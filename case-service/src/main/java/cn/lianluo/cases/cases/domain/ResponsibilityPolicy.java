package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.HandlingUnit;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;

/** 属地负责: a unit answers for a case when it sits at the case's region or above it, or inside it. */
public final class ResponsibilityPolicy {

    private ResponsibilityPolicy() {
    }

    public static boolean answersFor(HandlingUnit unit, RegionCode caseRegion) {
        return unit.region().contains(caseRegion) || caseRegion.contains(unit.region());
    }

    /** The unit, if it answers for the case's region; otherwise 422 {@code unit-outside-region} on {@code unitId}. */
    public static HandlingUnit requireAnswersFor(HandlingUnit unit, RegionCode caseRegion) {
        if (!answersFor(unit, caseRegion)) {
            throw ProblemException.unprocessable("unit-outside-region", CommandField.UNIT_ID.json(),
                    unit.name() + " (" + unit.region() + ") does not answer for region " + caseRegion);
        }
        return unit;
    }
}
