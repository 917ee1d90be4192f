package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@link CaseLoop#decide} reads besides the loop's state: the command's input and the facts of the case its
 * rules look at. The service reads a fact when a rule asks for it, so a command the state rejects reads no unit.
 */
public interface CaseContext {

    CommandInput input();

    /** The case's region. */
    RegionCode region();

    /** The unit handling the case now; an unknown unit is refused by the implementation. */
    HandlingUnit currentUnit();

    /** The unit a command names; an unknown unit is refused by the implementation. */
    HandlingUnit unit(UUID id);

    /** The stage deadline open before the command. */
    Optional<OpenDeadline> openDeadline();

    Instant now();

    /** The handling time limit the case was given (working days), by its region's policy. */
    int originalHandlingSpan();

    /** The level responsible for the case's category (分级分类); empty for a category no longer listed. */
    Optional<RegionLevel> categoryLevel();

    /** When the case came to the unit handling it now (交办, 上交 or 转办). */
    Instant assignedAt();

    /** The working days the loop counts its time limits in. */
    WorkingCalendar calendar();

    /** The case the command is given to. */
    UUID caseId();

    /** Another case a command names (the case a duplicate is merged into); an unknown case is refused by the implementation. */
    OtherCase otherCase(UUID id);

    /** A handling unit (承办单位) as the loop's rules see it. */
    record HandlingUnit(UUID id, String name, RegionCode region, RegionLevel level) {
    }

    /** Another case as the loop's rules see it. */
    record OtherCase(UUID id, CaseStatus status, RegionCode region) {
    }

    /** The open stage deadline as the loop's rules see it. */
    record OpenDeadline(Stage stage, LocalDate dueDate, Instant dueAt) {
    }
}
