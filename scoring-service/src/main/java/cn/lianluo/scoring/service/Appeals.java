package cn.lianluo.scoring.service;

import cn.lianluo.common.events.contract.ScoringEvents;
import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.common.time.Zones;
import cn.lianluo.scoring.domain.LedgerKind;
import cn.lianluo.scoring.domain.RuleSet;
import cn.lianluo.scoring.persistence.AppealRepository;
import cn.lianluo.scoring.persistence.AppealRepository.IdPage;
import cn.lianluo.scoring.persistence.AppealRepository.NewAppeal;
import cn.lianluo.scoring.persistence.AppealRepository.StoredAppeal;
import cn.lianluo.scoring.persistence.LedgerRepository;
import cn.lianluo.scoring.persistence.LedgerRepository.EntryOwner;
import cn.lianluo.scoring.service.PointsDtos.AppealRequest;
import cn.lianluo.scoring.service.PointsDtos.AppealStatus;
import cn.lianluo.scoring.service.PointsDtos.AppealView;
import cn.lianluo.scoring.service.PointsDtos.Correction;
import cn.lianluo.scoring.service.PointsDtos.Decision;
import cn.lianluo.scoring.service.PointsDtos.Published;
import cn.lianluo.scoring.service.PointsDtos.RuleSetBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** The writes of 履职积分 by people: rule sets, corrections, and the appeal workflow. */
@ApplicationScoped
public class Appeals {

    private final AppealRepository appeals;
    private final LedgerRepository entries;
    private final Ledger ledger;
    private final Rules rules;
    private final Outbox outbox;

    public Appeals(AppealRepository appeals, LedgerRepository entries, Ledger ledger, Rules rules, Outbox outbox) {
        this.appeals = appeals;
        this.entries = entries;
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
        int thisYear = java.time.LocalDate.now(Zones.CHINA).getYear();
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
            UUID owner = entries.owner(request.entryId()).map(EntryOwner::deputyId)
                    .orElseThrow(() -> ProblemException.notFound("ledger entry", request.entryId()));
            if (!owner.equals(deputyId)) {
                throw ProblemException.unprocessable("entry-of-another-deputy", "entryId", "the entry belongs to another deputy");
            }
        } else if (request.factType() == null || request.points() == null) {
            throw ProblemException.invalid("entryId", "name the contested entry, or the missing fact's type and points");
        }
        UUID id = UUID.randomUUID();
        appeals.insert(new NewAppeal(id, deputyId, request.year(), ledger.deputyRegion(deputyId, caller.region().value()),
                request.entryId(), request.factType(), request.points(), request.reason().strip(), Instant.now()));
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
        String region = appeals.region(id).orElseThrow();
        caller.requireWithin(RegionCode.of(region));
        String note = decision == null ? null : decision.note();
        if (!appeals.decideOpen(id, (grant ? AppealStatus.GRANTED : AppealStatus.DENIED).name(), caller.subject(), note, Instant.now())) {
            // the status as committed now: the decision that won, read after waiting for it
            throw ProblemException.conflict("appeal-decided", "this appeal was already " + appeals.status(id));
        }
        UUID entry = null;
        if (grant) {
            String reason = "申诉成立:" + appeal.reason() + (note == null ? "" : "(" + note + ")");
            entry = appeal.entryId() != null
                    ? ledger.correct(appeal.deputyId(), appeal.year(), 0, appeal.entryId(), LedgerKind.APPEAL, reason, caller.subject())
                    : ledger.correct(appeal.deputyId(), appeal.year(), decision != null && decision.points() != null
                    ? decision.points() : appeal.points(), null, appeal.factType(), LedgerKind.APPEAL, reason, caller.subject());
        }
        outbox.add(ScoringEvents.APPEAL_DECIDED, appeal.deputyId().toString(), RegionCode.of(region),
                new ScoringEvents.AppealDecided(id, appeal.deputyId(), appeal.year(),
                        (grant ? AppealStatus.GRANTED : AppealStatus.DENIED).name(), entry));
        return get(id);
    }

    @Transactional
    public Page<AppealView> list(RegionCode region, String status, int page, int size, Caller caller) {
        UUID onlyDeputy = caller.hasRole(Roles.DEPUTY) && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.ADMIN)
                ? UUID.fromString(caller.deputyId().orElseThrow()) : null;
        IdPage ids = appeals.page(region.likePattern(), status, onlyDeputy, page * size, size);
        return new Page<>(ids.ids().stream().map(this::get).toList(), ids.total(), page, size);
    }

    private AppealView get(UUID id) {
        StoredAppeal a = appeals.find(id).orElseThrow(() -> ProblemException.notFound("appeal", id));
        return new AppealView(a.id(), a.deputyId(), a.year(), a.entryId(), a.factType(), a.points(), a.reason(),
                AppealStatus.valueOf(a.status()), a.decisionNote(), a.createdAt(), a.decidedAt());
    }
}
