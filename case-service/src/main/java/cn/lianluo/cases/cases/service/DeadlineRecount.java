package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.Deadline;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.common.calendar.WorkingCalendar;
import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When the official arrangement of a year arrives, the open stage deadlines that run into that year were counted on
 * its computed, provisional days (no year is arranged twice by the shipped files; an ADMIN's second arrangement
 * replaces the first and is counted on the same way): each is counted again from its start and span on the new
 * calendar ({@link Deadline#recountedOn}). The clock's events that already fired for it (预警, 超期, …) do not fire
 * again.
 */
@ApplicationScoped
public class DeadlineRecount {

    private final CaseRepositories.Deadlines deadlines;

    public DeadlineRecount(CaseRepositories.Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /** Counts the open deadlines running into {@code year} again on {@code calendar}; returns those that moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaseEvents.RecomputedDeadline> recount(int year, WorkingCalendar calendar) {
        LocalDate first = LocalDate.of(year, 1, 1);
        List<DeadlineEntity> open = deadlines.find("metAt is null and startedAt < ?1 and reportOn >= ?2 order by dueAt, id",
                        first.plusYears(1).atStartOfDay(Zones.CHINA).toInstant(), first)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        List<CaseEvents.RecomputedDeadline> moved = new ArrayList<>();
        for (DeadlineEntity row : open) {
            LocalDate before = row.dueDate;
            Deadline recounted = CaseEffects.current(row).recountedOn(calendar);
            if (recounted.dueDate().equals(before) && recounted.warnAt().equals(row.warnAt)
                    && Objects.equals(recounted.urgeOn(calendar), row.urgeOn)
                    && Objects.equals(recounted.reportOn(calendar), row.reportOn)) {
                continue;
            }
            CaseEffects.set(row, recounted, calendar);
            moved.add(new CaseEvents.RecomputedDeadline(row.caseId, row.stage, before, row.dueDate));
        }
        return moved;
    }
}
