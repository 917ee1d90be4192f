package cn.lianluo.cases.cases.service;

import cn.lianluo.common.time.Zones;
import cn.lianluo.cases.cases.domain.CaseEffect;
import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseLoop;
import cn.lianluo.cases.cases.domain.Deadline;
import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.domain.Transition;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Applies a transition to the stored case: its effects on the case and its stage deadlines, then its next state. */
@ApplicationScoped
public class CaseEffects {

    private final CaseRepositories.Deadlines deadlines;
    private final CaseCalendar calendars;
    private final CaseClock clock;

    public CaseEffects(CaseRepositories.Deadlines deadlines, CaseCalendar calendars, CaseClock clock) {
        this.deadlines = deadlines;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** @param open the stage deadline open before the command */
    public void apply(CaseEntity c, Transition transition, Optional<DeadlineEntity> open, Instant now) {
        WorkingCalendar calendar = calendars.calendar();
        for (CaseEffect effect : transition.effects()) {
            apply(c, effect, open, now, calendar);
        }
        CaseLoop.State next = transition.next();
        c.status = next.status().name();
        c.paused = next.paused();
        c.reopenCount = next.reopenCount();
        c.extensionPending = next.extensionPending();
        c.extensionUsed = next.extensionUsed();
    }

    // Java 17 has no pattern switch: one branch per effect record, and an effect without one fails loudly
    private void apply(CaseEntity c, CaseEffect effect, Optional<DeadlineEntity> open, Instant now,
                       WorkingCalendar calendar) {
        if (effect instanceof CaseEffect.AnsweredOnTheSpot) {
            c.onTheSpot = true;
        } else if (effect instanceof CaseEffect.AssignUnit e) {
            c.unitId = e.unitId();
            c.assignedAt = now;
        } else if (effect instanceof CaseEffect.UnassignUnit) {
            c.unitId = null;
            c.assignedAt = null;
        } else if (effect instanceof CaseEffect.MeetOpenDeadline) {
            open.ifPresent(d -> {
                d.metAt = now;
                d.paused = false;
            });
        } else if (effect instanceof CaseEffect.StartStage e) {
            Optional<DeadlineEntity> handling = open.filter(d -> e.stage() == Stage.HANDLE && Stage.HANDLE.name().equals(d.stage));
            if (handling.isPresent()) {
                takeOver(c, handling.get(), now, calendar);
            } else {
                startStage(c, e.stage(), now, calendar);
            }
        } else if (effect instanceof CaseEffect.StartStageAfresh e) {
            startStage(c, e.stage(), now, calendar);
        } else if (effect instanceof CaseEffect.RecordSatisfaction e) {
            c.satisfaction = e.satisfaction().name();
        } else if (effect instanceof CaseEffect.CloseCase) {
            close(c, now, calendar);
        } else if (effect instanceof CaseEffect.ClearClosure) {
            c.closedAt = null;
            c.closedOnTime = null;
            c.workingDaysToClose = null;
        } else if (effect instanceof CaseEffect.StopClock) {
            c.pausedAt = now;
            open.ifPresent(d -> d.paused = true);
        } else if (effect instanceof CaseEffect.RestartClock) {
            int stopped = Deadline.workingDaysBetween(c.pausedAt.atZone(Zones.CHINA).toLocalDate(), clock.today(), calendar);
            open.ifPresent(d -> {
                d.paused = false;
                move(d, stopped, calendar);
            });
            c.pausedAt = null;
        } else if (effect instanceof CaseEffect.AskExtension e) {
            c.extensionDays = e.days();
        } else if (effect instanceof CaseEffect.GrantExtension) {
            open.ifPresent(d -> move(d, c.extensionDays, calendar));
        } else if (effect instanceof CaseEffect.DropExtension) {
            c.extensionDays = 0;
        } else if (effect instanceof CaseEffect.MergeInto e) {
            c.mergedInto = e.caseId();
            c.possibleDuplicateOf = null;
        } else if (effect instanceof CaseEffect.ClearDuplicateFlag) {
            c.possibleDuplicateOf = null;
        } else {
            throw new IllegalStateException("no application of " + effect);
        }
    }

    /** A stage's deadline from now, by the time limit the region's policy gives the case. */
    public DeadlineEntity startStage(CaseEntity c, Stage stage, Instant now, WorkingCalendar calendar) {
        int span = calendars.policyFor(RegionCode.of(c.regionCode)).span(stage, CaseKind.valueOf(c.kind), c.urgent);
        Deadline d = Deadline.start(stage, now, span, calendar);
        DeadlineEntity row = new DeadlineEntity();
        row.id = UUID.randomUUID();
        row.caseId = c.id;
        row.regionCode = c.regionCode;
        row.stage = stage.name();
        row.startedAt = now;
        set(row, d, calendar);
        deadlines.persist(row);
        return row;
    }

    /**
     * A handling stage that takes over the open one (上交): the new unit has the time that was left, and the clock's
     * events that already fired (预警, 超期, 催办, 通报) do not fire again for it.
     */
    private void takeOver(CaseEntity c, DeadlineEntity from, Instant now, WorkingCalendar calendar) {
        Deadline d = current(from).takeOver(now, calendar);
        DeadlineEntity row = new DeadlineEntity();
        row.id = UUID.randomUUID();
        row.caseId = c.id;
        row.regionCode = c.regionCode;
        row.stage = from.stage;
        row.startedAt = now;
        set(row, d, calendar);
        row.warnedAt = from.warnedAt;
        row.overdueAt = from.overdueAt;
        row.urgedAt = from.urgedAt;
        row.reportedAt = from.reportedAt;
        deadlines.persist(row);
    }

    static Deadline current(DeadlineEntity row) {
        return new Deadline(Stage.valueOf(row.stage), row.startedAt, row.span, row.dueDate, row.dueAt, row.warnAt);
    }

    static void set(DeadlineEntity row, Deadline d, WorkingCalendar calendar) {
        row.span = d.span();
        row.dueDate = d.dueDate();
        row.dueAt = d.dueAt();
        row.warnAt = d.warnAt();
        row.urgeOn = d.urgeOn(calendar);
        row.reportOn = d.reportOn(calendar);
    }

    /** A pause that stopped the clock, or an approved extension, moves the open deadline. */
    private static void move(DeadlineEntity row, int days, WorkingCalendar calendar) {
        set(row, current(row).extendedBy(days, calendar), calendar);
    }

    private void close(CaseEntity c, Instant now, WorkingCalendar calendar) {
        c.closedAt = now;
        c.closedOnTime = deadlines.of(c.id).stream().allMatch(d -> d.metAt != null && !d.metAt.isAfter(d.dueAt));
        c.workingDaysToClose = Deadline.workingDaysBetween(c.receivedAt.atZone(Zones.CHINA).toLocalDate(),
                now.atZone(Zones.CHINA).toLocalDate(), calendar);
    }
}
