package cn.lianluo.scoring.service;

import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.LedgerKind;
import cn.lianluo.scoring.domain.RuleSet;
import cn.lianluo.scoring.domain.ScoringEvents;
import cn.lianluo.scoring.service.PointsDtos.AppealRequest;
import cn.lianluo.scoring.service.PointsDtos.AppealStatus;
import cn.lianluo.scoring.service.PointsDtos.AppealView;
import cn.lianluo.scoring.service.PointsDtos.Correction;
import cn.lianluo.scoring.service.PointsDtos.Decision;
import cn.lianluo.scoring.service.PointsDtos.Published;
import cn.lianluo.scoring.service.PointsDtos.RuleSetBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The writes of 履职积分 by people: rule sets, corrections, and the appeal workflow. */
@ApplicationScoped
public class Appeals {

    private final EntityManager em;
    private final Ledger ledger;
    private final Rules rules;
    private final Outbox outbox;

    public Appeals(EntityManager em, Ledger ledger, Rules rules, Outbox outbox) {
        this.em = em;
        this.ledger = ledger;
        this.rules = rules;
        this.outbox = outbox;
    }

    /**
     * Publishes the next version of a region's rule set and recomputes that year from the stored facts, and the later
     * years that keep it (沿用) for want of their own; {@code deputiesRecomputed} counts a deputy once a year.
     */
    @Transactional
    public Published publishRules(RegionCode region, int year, RuleSetBody body, Caller caller) {
        caller.requireWithin(region);
        int thisYear = java.time.LocalDate.now(Ledger.CHINA).getYear();
        if (year < 2020 || year > thisYear + 1) {
            throw ProblemException.invalid("year", "rules are published for 2020 to " + (thisYear + 1));
        }
        RuleSet published = rules.publish(region, year, body, caller.subject(), Instant.now());
        int recomputed = ledger.recompute(published, caller.subject());
        // later years that have no rule set of their own keep this one (沿用): their facts are scored again with it too
        for (int later : ledger.factYearsAfter(year)) {
            var effective = rules.effective(region, later);
            if (effective.isPresent() && Integer.valueOf(year).equals(effective.get().carriedFrom())
                    && effective.get().rules().regionCode().equals(region.value())) {
                recomputed += ledger.recompute(effective.get().rules(), caller.subject());
            }
        }
        outbox.add(ScoringEvents.RULES_PUBLISHED, region.value() + "-" + year, region,
                new ScoringEvents.RulesPublished(region.value(), year, published.version(), recomputed));
        return new Published(rules.view(rules.latest(region.value(), year).orElseThrow(), region), recomputed);
    }

    @Transactional
    public UUID correct(Correction c, Caller caller) {
        caller.requireWithin(RegionCode.of(ledger.deputyRegion(c.deputyId(), null)));
        return ledger.correct(c.deputyId(), c.year(), c.points(), c.reverses(), LedgerKind.CORRECTION, c.reason(), caller.subject());
    }

    /** A deputy contests an entry of their own, or asks for one that is missing. */
    @Transactional
    public AppealView file(AppealRequest request, Caller caller) {
        UUID deputyId = caller.deputyId().map(UUID::fromString).orElseThrow(() -> ProblemException.forbidden("appeals are a deputy's"));
        if (request.deputyId() != null && !request.deputyId().equals(deputyId)) {
            throw ProblemException.forbidden("a deputy appeals only their own points");
        }
        if (request.entryId() != null) {
            @SuppressWarnings("unchecked")
            List<UUID> owner = em.createNativeQuery("SELECT deputy_id FROM ledger_entry WHERE id = ?1", UUID.class)
                    .setParameter(1, request.entryId()).getResultList();
            if (owner.isEmpty()) {
                throw ProblemException.notFound("ledger entry", request.entryId());
            }
            if (!owner.get(0).equals(deputyId)) {
                throw ProblemException.unprocessable("entry-of-another-deputy", "entryId", "the entry belongs to another deputy");
            }
        } else if (request.factType() == null || request.points() == null) {
            throw ProblemException.invalid("entryId", "name the contested entry, or the missing fact's type and points");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO appeal (id, deputy_id, year, region_code, entry_id, fact_type, points, reason, status, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'OPEN', ?9)").setParameter(1, id).setParameter(2, deputyId)
                .setParameter(3, request.year()).setParameter(4, ledger.deputyRegion(deputyId, caller.region().value()))
                .setParameter(5, request.entryId()).setParameter(6, request.factType() == null ? null : request.factType().name())
                .setParameter(7, request.points()).setParameter(8, request.reason().strip()).setParameter(9, Instant.now()).executeUpdate();
        return get(id);
    }

    /**
     * A supervisor grants (a reversing or adding entry) or denies an appeal, exactly once: the appeal leaves OPEN by
     * a conditional UPDATE that must change its row before anything else is written. Two decisions at once (two
     * grants, a grant and a denial, here or on another replica) queue on that row; the second finds it decided and
     * gets 409, and writes nothing. A granted appeal for a missing entry names the entry's fact type, so a missing
     * station entry granted counts as a station entry (V4).
     */
    @Transactional
    public AppealView decide(UUID id, boolean grant, Decision decision, Caller caller) {
        AppealView appeal = get(id);
        @SuppressWarnings("unchecked")
        List<String> region = em.createNativeQuery("SELECT region_code FROM appeal WHERE id = ?1").setParameter(1, id).getResultList();
        caller.requireWithin(RegionCode.of(region.get(0)));
        String note = decision == null ? null : decision.note();
        int decided = em.createNativeQuery("UPDATE appeal SET status = ?2, decided_by = ?3, decision_note = ?4, decided_at = ?5, "
                        + "version = version + 1 WHERE id = ?1 AND status = 'OPEN'").setParameter(1, id)
                .setParameter(2, (grant ? AppealStatus.GRANTED : AppealStatus.DENIED).name()).setParameter(3, caller.subject()).setParameter(4, note)
                .setParameter(5, Instant.now()).executeUpdate();
        if (decided != 1) {
            throw ProblemException.conflict("appeal-decided", "this appeal was already " + currentStatus(id));
        }
        UUID entry = null;
        if (grant) {
            String reason = "申诉成立:" + appeal.reason() + (note == null ? "" : "(" + note + ")");
            entry = appeal.entryId() != null
                    ? ledger.correct(appeal.deputyId(), appeal.year(), 0, appeal.entryId(), LedgerKind.APPEAL, reason, caller.subject())
                    : ledger.correct(appeal.deputyId(), appeal.year(), decision != null && decision.points() != null
                    ? decision.points() : appeal.points(), null, appeal.factType(), LedgerKind.APPEAL, reason, caller.subject());
        }
        outbox.add(ScoringEvents.APPEAL_DECIDED, appeal.deputyId().toString(), RegionCode.of(region.get(0)),
                new ScoringEvents.AppealDecided(id, appeal.deputyId(), appeal.year(),
                        (grant ? AppealStatus.GRANTED : AppealStatus.DENIED).name(), entry));
        return get(id);
    }

    /** The status as committed now (the decision that won, read after waiting for it). */
    private String currentStatus(UUID id) {
        return (String) em.createNativeQuery("SELECT status FROM appeal WHERE id = ?1").setParameter(1, id).getSingleResult();
    }

    @Transactional
    public Page<AppealView> list(RegionCode region, String status, int page, int size, Caller caller) {
        String where = "region_code LIKE ?1" + (status == null ? "" : " AND status = ?2");
        if (caller.hasRole(Roles.DEPUTY) && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.ADMIN)) {
            where += " AND deputy_id = '" + UUID.fromString(caller.deputyId().orElseThrow()) + "'";
        }
        var query = em.createNativeQuery("SELECT id FROM appeal WHERE " + where + " ORDER BY created_at DESC", UUID.class)
                .setParameter(1, region.likePattern());
        var count = em.createNativeQuery("SELECT count(*) FROM appeal WHERE " + where).setParameter(1, region.likePattern());
        if (status != null) {
            query.setParameter(2, status);
            count.setParameter(2, status);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(ids.stream().map(this::get).toList(), ((Number) count.getSingleResult()).longValue(), page, size);
    }

    private AppealView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, deputy_id, year, entry_id, fact_type, points, reason, status, "
                + "decision_note, created_at, decided_at FROM appeal WHERE id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("appeal", id);
        }
        Object[] r = rows.get(0);
        return new AppealView((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (UUID) r[3],
                r[4] == null ? null : FactType.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], AppealStatus.valueOf((String) r[7]), (String) r[8], instant(r[9]), r[10] == null ? null : instant(r[10]));
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) o).toInstant();
    }
}
