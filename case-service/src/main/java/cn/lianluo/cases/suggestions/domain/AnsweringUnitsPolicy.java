package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.suggestions.domain.SuggestionContext.AnsweringUnit;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The units of a suggestion lie at its region or above it (their region contains its region), never elsewhere: a
 * township's suggestion may go to the county's or the city's bureau, not to another township's.
 */
public final class AnsweringUnitsPolicy {

    private AnsweringUnitsPolicy() {
    }

    public static boolean answersFor(AnsweringUnit unit, RegionCode region) {
        return unit.region().contains(region);
    }

    /** Returns when every unit answers for {@code region}; otherwise 422 {@code unit-outside-region} naming each that does not. */
    public static void requireAnswerable(RegionCode region, AnsweringUnit lead, List<AnsweringUnit> coUnits) {
        List<FieldError> outside = new ArrayList<>();
        if (!answersFor(lead, region)) {
            outside.add(new FieldError(SuggestionField.LEAD_UNIT_ID.json(), outside(lead, region)));
        }
        for (AnsweringUnit co : coUnits) {
            if (!answersFor(co, region)) {
                outside.add(new FieldError("coUnitIds", outside(co, region)));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(422, "unit-outside-region", "Unprocessable 无法处理",
                    "a suggestion is handled by units of its region or above it", outside);
        }
    }

    private static String outside(AnsweringUnit unit, RegionCode region) {
        return "unit " + unit.id() + " " + unit.name() + " (" + unit.region() + ") does not answer for region " + region;
    }
}
