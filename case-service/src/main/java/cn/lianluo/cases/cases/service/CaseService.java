package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.domain.CaseLoop;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.CommandInput;
import cn.lianluo.cases.cases.domain.DuplicatePolicy;
import cn.lianluo.cases.cases.domain.Transition;
import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.cases.persistence.DeadlineEntity;
import cn.lianluo.cases.cases.service.CaseDtos.CommandBody;
import cn.lianluo.cases.cases.service.CaseDtos.Rating;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every command of the 五环五时 loop: load the case → {@link CaseLoop#decide} → apply the effects ({@link CaseEffects})
 * → record the timeline ({@link CaseTimeline}) → publish the event ({@link CasePublisher}). Intake is
 * {@link CaseIntake}'s, who may command what {@link CommandPermissions}'.
 */
@ApplicationScoped
public class CaseService {

    private final CaseRepositories.Cases cases;
    private final CaseRepositories.Deadlines deadlines;
    private final UnitService units;
    private final CaseCalendar calendars;
    private final CommandPermissions permissions;
    private final CaseEffects effects;
    private final CaseTimeline timeline;
    private final CasePublisher publisher;
    private final CaseClock clock;
    private final TrackingGuard guard;
    private final HandlingFiles files;

    public CaseService(CaseRepositories.Cases cases, CaseRepositories.Deadlines deadlines, UnitService units,
                       CaseCalendar calendars, CommandPermissions permissions, CaseEffects effects,
                       CaseTimeline timeline, CasePublisher publisher, CaseClock clock, TrackingGuard guard,
                       HandlingFiles files) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.units = units;
        this.calendars = calendars;
        this.permissions = permissions;
        this.effects = effects;
        this.timeline = timeline;
        this.publisher = publisher;
        this.clock = clock;
        this.guard = guard;
        this.files = files;
    }

    /** {@code POST /cases/{id}/{command}}. */
    @Transactional
    public void command(UUID id, CaseCommand command, CommandBody body, Caller caller) {
        CaseEntity c = lockForChange(id);
        permissions.require(c, command, caller);
        CommandInput input = body == null ? CommandInput.empty() : input(body);
        if (input.resetClock()) {
            permissions.requireClockReset(command, caller);
        }
        List<UUID> fileIds = body == null || body.fileIds() == null ? List.of() : body.fileIds();
        HandlingFiles.requireTaken(command, fileIds);
        if (command == CaseCommand.MERGE && input.intoCaseId() != null) {
            // the case merged into is one the caller handles too (an unknown one is the loop's 422)
            CaseEntity into = cases.findById(input.intoCaseId());
            if (into != null) {
                caller.requireWithin(RegionCode.of(into.regionCode));
            }
        }
        apply(c, command, input, CaseActor.of(caller));
        files.attach(c, command, fileIds, caller.subject());
    }

    /** The citizen's own rating after the reply (the public tracking page); once. */
    @Transactional
    public void rate(String trackingCode, Rating rating) {
        CaseEntity c = lockForChange(guard.admit(trackingCode, rating.phone()));
        if (CaseStatus.valueOf(c.status) == CaseStatus.MERGED) {
            rateMerged(c, rating);
            return;
        }
        if (CaseStatus.valueOf(c.status) != CaseStatus.REPLIED) {
            throw c.satisfaction != null
                    ? ProblemException.conflict("already-rated", "this reply has already been rated")
                    : ProblemException.conflict("not-replied", "a case is rated after its reply");
        }
        c.ratedByCitizen = true;
        apply(c, CaseCommand.VISIT, new CommandInput(null, null, rating.comment(), null, rating.satisfaction(), null, null),
                CaseActor.CITIZEN);
    }

    /**
     * A merged case's rating of the answer it was given (the case merged into's): kept on the merged case, in its
     * timeline and as its visited event, while the case stays MERGED — a matter counts once, so the rating is in no
     * figure (CaseStatistics) and scores nobody (the event's {@code satisfied} is false: the case is not closed).
     */
    private void rateMerged(CaseEntity c, Rating rating) {
        DuplicatePolicy.requireRateableMerged(CaseStatus.valueOf(answering(c).status), c.satisfaction != null);
        Instant now = clock.now();
        c.satisfaction = rating.satisfaction().name();
        c.ratedByCitizen = true;
        timeline.record(c, CaseCommand.VISIT.name(), CaseActor.CITIZEN, now, rating.comment(), null, null);
        publisher.publish(c, CaseCommand.VISIT.event(), CaseActor.CITIZEN.role(), CaseStatus.MERGED, now, null);
    }

    /**
     * The case whose answer is {@code c}'s: itself, or the case it was merged into — and if that one was merged in turn
     * (a flagged case may be merged once its duplicate was merged into it), the case at the end of the chain. A merge
     * goes into an open case only, so the chain has no loop; it is bounded all the same.
     */
    CaseEntity answering(CaseEntity c) {
        CaseEntity answering = c;
        for (int hops = 0; answering.mergedInto != null && hops < 10; hops++) {
            answering = cases.findById(answering.mergedInto);
        }
        return answering;
    }

    /**
     * The case of a tracking code and phone; a wrong phone answers exactly as an unknown code does, and a code with too
     * many wrong phones is locked ({@link TrackingGuard}).
     */
    CaseEntity tracked(String trackingCode, String phone) {
        return require(guard.admit(trackingCode, phone));
    }

    /**
     * The case, its row locked until the transaction ends: two commands on one case run one after the other, the
     * second deciding on what the first left (a 409 naming what is allowed now). Unlocked, two commands at once both
     * decided on the same state and met in the case's update, where PostgreSQL often failed one on a deadlock.
     */
    private CaseEntity lockForChange(UUID id) {
        return require(id, LockModeType.PESSIMISTIC_WRITE);
    }

    CaseEntity require(UUID id) {
        return require(id, LockModeType.NONE);
    }

    private CaseEntity require(UUID id, LockModeType lock) {
        CaseEntity c = cases.findById(id, lock);
        if (c == null) {
            throw ProblemException.notFound("case", id);
        }
        return c;
    }

    static CaseLoop.State state(CaseEntity c) {
        return new CaseLoop.State(CaseStatus.valueOf(c.status), c.paused, c.unitId != null, c.reopenCount,
                c.extensionPending, c.extensionUsed, c.possibleDuplicateOf != null);
    }

    private void apply(CaseEntity c, CaseCommand command, CommandInput input, CaseActor actor) {
        CaseStatus before = CaseStatus.valueOf(c.status);
        UUID unitBefore = c.unitId;
        Instant now = clock.now();
        Optional<DeadlineEntity> open = deadlines.open(c.id);
        Transition t = decide(c, command, new CaseFacts(c, input, open, now, units, calendars, cases));
        effects.apply(c, t, open, now);
        Transition.TimelineEntry line = t.timeline();
        timeline.record(c, line.action(), actor, now, line.note(), line.told(), line.unitId());
        if (command == CaseCommand.MERGE) {
            // the case merged into keeps the line too: its handlers see which duplicate its answer now also answers
            timeline.record(cases.findById(c.mergedInto), CaseTimeline.DUPLICATE_MERGED_IN, actor, now,
                    "重复件 " + c.id + " 合并至本件办理" + (line.note() == null ? "" : ":" + line.note()), null, null);
        }
        boolean moved = command == CaseCommand.TRANSFER || command == CaseCommand.RETURN;
        publisher.publishCommand(c, t.event(), actor.role(), before, now,
                moved ? new CasePublisher.Moved(input.reason(), unitBefore) : null);
    }

    /** The loop's decision; a command the state does not allow is 409 naming the commands as the API spells them. */
    private static Transition decide(CaseEntity c, CaseCommand command, CaseFacts facts) {
        try {
            return CaseLoop.decide(state(c), command, facts);
        } catch (CaseLoop.Rejected r) {
            String allowed = r.allowed().stream().map(CaseCommand::path).collect(Collectors.joining(", "));
            throw new ProblemException(409, "illegal-transition", "Conflict 状态冲突", "'" + command.path()
                    + "' is not allowed when the case is " + r.status() + (c.paused ? " (paused)" : "") + "; allowed: " + allowed,
                    List.of(new FieldError("command", "allowed when " + r.status() + ": " + allowed)));
        }
    }

    private static CommandInput input(CommandBody b) {
        return new CommandInput(b.content(), b.unitId(), b.note(), b.result(), b.satisfaction(), b.reason(), b.days(),
                Boolean.TRUE.equals(b.resetClock()), b.intoCaseId());
    }
}
