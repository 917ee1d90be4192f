package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.service.OverdueScan;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.suggestions.domain.CoSigning;
import cn.lianluo.cases.suggestions.domain.Grade;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.domain.SuggestionInput;
import cn.lianluo.cases.suggestions.domain.SuggestionLoop;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import cn.lianluo.cases.suggestions.domain.SuggestionTransition;
import cn.lianluo.cases.suggestions.persistence.SuggestionEntity;
import cn.lianluo.cases.suggestions.persistence.SuggestionLinks;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionCommandBody;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionRequest;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.SuggestionView;
import cn.lianluo.cases.suggestions.service.SuggestionDtos.UnitAnswer;
import cn.lianluo.cases.units.service.UnitService;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 意见转化为建议: a deputy's suggestion from cases, through its units, answer, grade and the deputy's rating. A command
 * is load → {@link SuggestionLoop#decide} → apply the effects ({@link SuggestionEffects}) → record the timeline
 * ({@link SuggestionTimeline}) → publish the event ({@link SuggestionPublisher}); who may give it is
 * {@link SuggestionPermissions}'.
 */
@ApplicationScoped
public class SuggestionService implements OverdueScan {

    private final EntityManager em;
    private final SuggestionIntake intake;
    private final UnitService units;
    private final SuggestionLinks links;
    private final SuggestionPermissions permissions;
    private final SuggestionEffects effects;
    private final SuggestionTimeline timeline;
    private final SuggestionPublisher publisher;
    private final CaseClock clock;

    public SuggestionService(EntityManager em, SuggestionIntake intake, UnitService units, SuggestionLinks links,
                             SuggestionPermissions permissions, SuggestionEffects effects, SuggestionTimeline timeline,
                             SuggestionPublisher publisher, CaseClock clock) {
        this.em = em;
        this.intake = intake;
        this.units = units;
        this.links = links;
        this.permissions = permissions;
        this.effects = effects;
        this.timeline = timeline;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** 提出建议: see {@link SuggestionIntake}. */
    @Transactional
    public SuggestionView submit(SuggestionRequest request, Caller caller) {
        return view(intake.submit(request, caller));
    }

    @Transactional
    public SuggestionView command(UUID id, SuggestionCommand command, SuggestionCommandBody body, Caller caller) {
        SuggestionEntity s = require(id);
        String role = permissions.require(s, command, caller);
        Instant now = clock.now();
        SuggestionInput input = body == null ? SuggestionInput.empty() : new SuggestionInput(body.leadUnitId(),
                body.coUnitIds(), body.content(), body.grade(), body.satisfaction(), body.months(), body.note());
        SuggestionTransition t = decide(s, command, new SuggestionFacts(s, input, clock.today(), caller.unitId(), units));
        effects.apply(s, t, now);
        timeline.record(s.id, t.timeline().action(), role, caller.subject(), now, t.timeline().note());
        publisher.publish(s, t.event(), role, now);
        return view(s);
    }

    /** The loop's decision; a command the state does not allow is 409 naming the commands as the API spells them. */
    private static SuggestionTransition decide(SuggestionEntity s, SuggestionCommand command, SuggestionFacts facts) {
        try {
            return SuggestionLoop.decide(state(s), command, facts);
        } catch (SuggestionLoop.Rejected r) {
            String allowed = r.allowed().stream().map(SuggestionCommand::path).collect(Collectors.joining(", "));
            throw new ProblemException(409, "illegal-transition", "Conflict 状态冲突", "'" + command.path()
                    + "' is not allowed when the suggestion is " + s.status + "; allowed: " + allowed,
                    List.of(new FieldError("command", "allowed: " + allowed)));
        }
    }

    private static SuggestionLoop.State state(SuggestionEntity s) {
        return new SuggestionLoop.State(SuggestionStatus.valueOf(s.status), s.extensionPending, s.extensionUsed);
    }

    /**
     * 联名确认: a deputy named as a co-signer confirms the suggestion themself, once; only then is it theirs too
     * ({@code suggestion-co-signed}, which scores it).
     */
    @Transactional
    public SuggestionView confirmCoSigning(UUID id, Caller caller) {
        UUID deputy = caller.deputyId().map(UUID::fromString).orElseThrow(() ->
                ProblemException.forbidden("a co-signer confirms as themself: the token names no deputy (deputyId)"));
        // the row lock makes two confirmations of one suggestion wait for each other: each co-signer is counted once
        SuggestionEntity s = em.find(SuggestionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("suggestion", id);
        }
        caller.requireWithin(RegionCode.of(s.regionCode));
        // consent belongs to the suggestion while it runs: a year-old closed one, or a deputy no longer in office,
        // would otherwise earn a co-signer's points in another year
        if (SuggestionStatus.valueOf(s.status) == SuggestionStatus.CLOSED) {
            throw ProblemException.conflict("suggestion-closed", "a closed suggestion takes no more co-signers");
        }
        CoSigning.refusal(deputy, s.coDeputyIds, timeline.coSigned(s.id)).ifPresent(r -> {
            throw ProblemException.conflict(r == CoSigning.Refusal.NOT_NAMED ? "not-a-co-signer" : "already-co-signed", r.reason());
        });
        intake.activeDeputy(deputy, "deputyId");
        Instant now = clock.now();
        timeline.record(s.id, SuggestionTimeline.CO_SIGNED, Roles.DEPUTY, caller.subject(), now, deputy.toString());
        publisher.publish(s, "co-signed", Roles.DEPUTY, now, deputy);
        return view(s);
    }

    @Transactional
    public SuggestionView get(UUID id, Caller caller) {
        SuggestionEntity s = require(id);
        caller.requireWithin(RegionCode.of(s.regionCode));
        return view(s);
    }

    @Transactional
    public Page<SuggestionView> list(RegionCode region, UUID deputy, int page, int size) {
        String where = "region_code LIKE ?1" + (deputy == null ? "" : " AND (lead_deputy_id = ?2 OR co_deputy_ids @> CAST(?3 AS jsonb))");
        var ids = em.createNativeQuery("SELECT id FROM suggestion WHERE " + where + " ORDER BY submitted_at DESC")
                .setParameter(1, region.likePattern());
        var count = em.createNativeQuery("SELECT count(*) FROM suggestion WHERE " + where).setParameter(1, region.likePattern());
        if (deputy != null) {
            ids.setParameter(2, deputy).setParameter(3, "[\"" + deputy + "\"]");
            count.setParameter(2, deputy).setParameter(3, "[\"" + deputy + "\"]");
        }
        @SuppressWarnings("unchecked")
        List<UUID> page0 = ids.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(page0.stream().map(this::require).map(this::view).toList(),
                ((Number) count.getSingleResult()).longValue(), page, size);
    }

    /** Fires {@code suggestion-overdue} once for each suggestion whose reply is late. */
    @Override
    public int scanOverdue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery("SELECT id FROM suggestion WHERE status = 'ASSIGNED' AND reply_due < ?1 "
                    + "AND overdue_fired_at IS NULL ORDER BY reply_due LIMIT 500 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, clock.today()).getResultList();
            for (UUID id : ids) {
                SuggestionEntity s = em.find(SuggestionEntity.class, id);
                s.overdueFiredAt = clock.now();
                publisher.publish(s, "overdue", "SYSTEM", s.overdueFiredAt);
            }
            return ids.size();
        });
    }

    private SuggestionEntity require(UUID id) {
        SuggestionEntity s = em.find(SuggestionEntity.class, id);
        if (s == null) {
            throw ProblemException.notFound("suggestion", id);
        }
        return s;
    }

    private SuggestionView view(SuggestionEntity s) {
        List<UnitAnswer> unitViews = links.units(s.id).stream().map(u -> new UnitAnswer(u.unitId(), u.unitName(),
                u.unitId().equals(s.leadUnitId), u.answer(), u.answeredOn())).toList();
        SuggestionStatus status = SuggestionStatus.valueOf(s.status);
        Grade grade = s.grade == null ? null : Grade.valueOf(s.grade);
        return new SuggestionView(s.id, s.title, s.content, s.regionCode, s.leadDeputyId, s.coDeputyIds,
                timeline.coSigned(s.id), links.caseIds(s.id), status, status.label(), s.keySuggestion, s.leadUnitId,
                unitViews, s.assignedOn, s.replyDue, s.coAnswerDue,
                status == SuggestionStatus.ASSIGNED && s.replyDue != null && clock.today().isAfter(s.replyDue),
                grade, grade == null ? null : grade.label(), s.answeredOn, s.answeredOnTime,
                s.rating == null ? null : Satisfaction.valueOf(s.rating), s.reopenCount,
                SuggestionLoop.allowed(state(s)).stream().map(SuggestionCommand::path).toList(),
                timeline.of(s.id), s.submittedAt, s.closedAt);
    }
}
