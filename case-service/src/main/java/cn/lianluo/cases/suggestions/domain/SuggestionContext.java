package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.common.region.RegionCode;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What {@link SuggestionLoop#decide} reads besides the loop's state: the command's input and the facts of the
 * suggestion its rules look at. Units are read only when a rule asks for them.
 */
public interface SuggestionContext {

    SuggestionInput input();

    /** The suggestion's region. */
    RegionCode region();

    LocalDate today();

    /** The lead unit's reply is due on this day (null before assignment). */
    LocalDate replyDue();

    /** The months of the extension asked (0 when none is). */
    int extensionMonths();

    /** The unit of the handler who gives the command (a co-handling unit's answer is its own). */
    UUID actingUnitId();

    /** A unit the command names; an unknown unit is refused by the implementation. */
    AnsweringUnit unit(UUID id);

    /** A unit (承办单位) as the loop's rules see it. */
    record AnsweringUnit(UUID id, String name, RegionCode region) {
    }
}
