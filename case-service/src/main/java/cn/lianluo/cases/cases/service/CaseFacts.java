package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseContext;
import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.CommandField;
import cn.lianluo.cases.cases.domain.CommandInput;
import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.units.persistence.UnitEntity;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored case as the loop's rules read it: units are looked up only when a rule asks (an unknown one is 422
 * {@code unknown-unit} on {@code unitId}); the open deadline is the one read before the command.
 */
record CaseFacts(CaseEntity c, CommandInput input, Optional<DeadlineEntity> open, Instant now, UnitService units,
                 CaseCalendar calendars, CaseRepositories.Cases cases) implements CaseContext {

    @Override
    public UUID caseId() {
        return c.id;
    }

    @Override
    public OtherCase otherCase(UUID id) {
        // its version moves on at commit, so a merge into it and a change of it (its own merge, its closing) that run at
        // once cannot both stand: the later commit is a 409 conflict
        CaseEntity other = cases.findById(id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (other == null) {
            throw ProblemException.unprocessable("unknown-case", CommandField.INTO_CASE_ID.json(), "case " + id + " does not exist");
        }
        return new OtherCase(other.id, CaseStatus.valueOf(other.status), RegionCode.of(other.regionCode));
    }

    @Override
    public RegionCode region() {
        return RegionCode.of(c.regionCode);
    }

    @Override
    public HandlingUnit currentUnit() {
        return unit(c.unitId);
    }

    @Override
    public HandlingUnit unit(UUID id) {
        UnitEntity u = units.require(id, "unitId");
        return new HandlingUnit(u.id, u.name, RegionCode.of(u.regionCode), RegionLevel.valueOf(u.level));
    }

    @Override
    public Optional<OpenDeadline> openDeadline() {
        return open.map(d -> new OpenDeadline(Stage.valueOf(d.stage), d.dueDate, d.dueAt));
    }

    @Override
    public Optional<RegionLevel> categoryLevel() {
        return units.findCategory(c.category).map(category -> RegionLevel.valueOf(category.level()));
    }

    @Override
    public Instant assignedAt() {
        // a case assigned before the column was kept: its handling stage began when it was assigned
        return c.assignedAt != null ? c.assignedAt : open.map(d -> d.startedAt).orElse(c.receivedAt);
    }

    @Override
    public WorkingCalendar calendar() {
        return calendars.calendar();
    }

    @Override
    public int originalHandlingSpan() {
        return calendars.policyFor(region()).span(Stage.HANDLE, CaseKind.valueOf(c.kind), c.urgent);
    }
}
