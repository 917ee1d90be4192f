package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseContext.HandlingUnit;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionLevel;

import java.util.Optional;

/**
 * 分级分类: each category names the level of government responsible for it. A case may be assigned to a unit below
 * that level (a township checks a county matter on the spot first), but not silently: the assignment says why, in its
 * {@code reason} or its {@code note}.
 */
public final class ClassificationPolicy {

    private ClassificationPolicy() {
    }

    /** Whether assigning a case of a category of {@code categoryLevel} to {@code unit} needs a reason. */
    public static boolean needsReason(Optional<RegionLevel> categoryLevel, HandlingUnit unit) {
        // RegionLevel runs from the province down: a lower level has a larger ordinal
        return categoryLevel.map(level -> unit.level().ordinal() > level.ordinal()).orElse(false);
    }

    /** Returns when the assignment keeps to the category's level or says why not; otherwise 422 on {@code reason}. */
    public static void requireReasonBelowLevel(Optional<RegionLevel> categoryLevel, HandlingUnit unit, CommandInput input) {
        if (needsReason(categoryLevel, unit) && CommandField.REASON.missingIn(input) && CommandField.NOTE.missingIn(input)) {
            throw ProblemException.unprocessable("assignment-below-category-level", CommandField.REASON.json(),
                    "the case's category is a " + categoryLevel.orElseThrow() + " matter (分级分类); assigning it to "
                            + unit.name() + " (" + unit.level() + ") needs a reason (reason or note)");
        }
    }
}
