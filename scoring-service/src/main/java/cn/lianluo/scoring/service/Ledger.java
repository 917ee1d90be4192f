package cn.lianluo.scoring.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.LedgerKind;
import cn.lianluo.scoring.domain.RuleSet;
import cn.lianluo.scoring.persistence.DeputyCopyRepository;
import cn.lianluo.scoring.persistence.FactRepository;
import cn.lianluo.scoring.persistence.FactRepository.NewFact;
import cn.lianluo.scoring.persistence.FactRepository.StoredFact;
import cn.lianluo.scoring.persistence.LedgerRepository;
import cn.lianluo.scoring.persistence.LedgerRepository.EntryOwner;
import cn.lianluo.scoring.persistence.LedgerRepository.LiveAward;
import cn.lianluo.scoring.persistence.LedgerRepository.NewEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only ledger (台账): facts are recorded once per event, deputy and type, and scored by the rule set
 * that applies to the deputy; a new rule version reverses the year's awards and scores the facts again.
 */
@ApplicationScoped
public class Ledger {

    /** The order in which one transaction takes several deputies' locks: by lock key, then by id. */
    public static final Comparator<UUID> LOCK_ORDER =
            Comparator.comparingInt(UUID::hashCode).thenComparing(Comparator.naturalOrder());

    private final LedgerRepository entries;
    private final FactRepository facts;
    private final DeputyCopyRepository deputies;
    private final Rules rules;

    public Ledger(LedgerRepository entries, FactRepository facts, DeputyCopyRepository deputies, Rules rules) {
        this.entries = entries;
        this.facts = facts;
        this.deputies = deputies;
        this.rules = rules;
    }

    /**
     * Records a fact and scores it; a fact already recorded (a redelivered event) changes nothing. Facts of one
     * deputy are scored one at a time (an advisory lock until the transaction ends): a cap counts what the deputy
     * already has, and two events handled at once, here or by another replica, must not both see room under it.
     * A transaction recording several deputies' facts takes them in {@link #LOCK_ORDER}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFact(UUID eventId, String sourceType, UUID deputyId, FactType type, LocalDate on, String factRegion) {
        recordFact(eventId, sourceType, deputyId, type, on, factRegion, null);
    }

    /**
     * As above, for a fact that happened at a station: a station entry is one per deputy, station and day (a unique
     * index), so a second reception naming the deputy there that day records nothing and scores nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFact(UUID eventId, String sourceType, UUID deputyId, FactType type, LocalDate on, String factRegion,
                           UUID stationId) {
        recordFact(eventId, sourceType, deputyId, type, on, factRegion, stationId, null);
    }

    /**
     * As above, for a fact a case's event told ({@code caseId}): a fact of a case merged into another (重复件) is
     * recorded and not scored, whichever of its events arrives first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFact(UUID eventId, String sourceType, UUID deputyId, FactType type, LocalDate on, String factRegion,
                           UUID stationId, UUID caseId) {
        if (caseId != null) {
            // a merge of the case running beside this would not see this fact, nor this the merge: one waits for the other
            entries.lockCase(caseId);
        }
        lock(deputyId);
        Optional<Long> recorded = facts.insert(new NewFact(eventId, sourceType, deputyId, type, on, factRegion, stationId, caseId));
        if (recorded.isEmpty() || facts.isMerged(caseId)) {
            return;
        }
        score(recorded.get(), eventId, deputyId, type, on, factRegion);
    }

    /** Scores a recorded fact by the rule set that applies to its deputy, within the cap of its type. */
    private void score(long factId, UUID eventId, UUID deputyId, FactType type, LocalDate on, String factRegion) {
        String region = deputyRegion(deputyId, factRegion);
        rules.effective(RegionCode.of(region), on.getYear()).ifPresent(stored -> {
            RuleSet r = stored.rules();
            RuleSet.Cap cap = r.caps().get(type);
            int used = cap == null ? 0
                    : entries.factPoints(deputyId, type, RuleSet.periodStart(on, cap.period()), RuleSet.periodEnd(on, cap.period()));
            r.award(new RuleSet.Fact(factId, type, on), used).ifPresent(a -> entries.append(
                    NewEntry.of(LedgerKind.AWARD, deputyId, on.getYear(), region, a.points(), a.reason(), "rules")
                            .forFact(factId, type, on, eventId).byRules(r)));
        });
    }

    /**
     * Records an event's facts, in {@link #LOCK_ORDER} of their deputies, so two events naming the same deputies never
     * wait for each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFacts(UUID eventId, String sourceType, List<FactsFromEvent.DeputyFact> told) {
        told.stream().sorted(Comparator.comparing(FactsFromEvent.DeputyFact::deputyId, LOCK_ORDER))
                .forEach(f -> recordFact(eventId, sourceType, f.deputyId(), f.type(), f.on(), f.regionCode(), f.stationId(),
                        f.caseId()));
    }

    /**
     * 重复件: a case merged into another counts once, as that case. The awards of its facts (its receipt, an answer on
     * the spot, a satisfied close) are reversed, and a fact of it recorded later is not scored. A second merged event of
     * the case (redelivered with another id, or the case merged again) changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawMergedCase(UUID caseId, UUID mergedInto, Instant at) {
        entries.lockCase(caseId);
        if (!facts.markMerged(caseId, mergedInto, at)) {
            return;
        }
        for (FactRepository.CaseFact f : byDeputyLock(facts.ofCase(caseId))) {
            lock(f.deputyId());
            String region = deputyRegion(f.deputyId(), f.regionCode());
            for (LiveAward e : entries.liveAwardsOf(f.id())) {
                entries.append(NewEntry.of(LedgerKind.REVERSAL, f.deputyId(), f.occurredOn().getYear(), region, -e.points(),
                                "重复件合并办理,同一诉求只计一次", "merge")
                        .forFact(f.id(), f.type(), f.occurredOn(), e.sourceEventId()).reversing(e.id()));
            }
        }
    }

    /**
     * The case is no duplicate after all (unlinked once merged): its facts are scored again, as they would have been.
     * A case that was never merged changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restoreUnlinkedCase(UUID caseId) {
        entries.lockCase(caseId);
        if (!facts.unmarkMerged(caseId)) {
            return;
        }
        for (FactRepository.CaseFact f : byDeputyLock(facts.ofCase(caseId))) {
            lock(f.deputyId());
            if (entries.liveAwardsOf(f.id()).isEmpty()) {
                score(f.id(), f.sourceEventId(), f.deputyId(), f.type(), f.occurredOn(), f.regionCode());
            }
        }
    }

    private static List<FactRepository.CaseFact> byDeputyLock(List<FactRepository.CaseFact> caseFacts) {
        return caseFacts.stream().sorted(Comparator.comparing(FactRepository.CaseFact::deputyId, LOCK_ORDER)).toList();
    }

    /**
     * Scores a year again under a newly published rule set: every deputy it now applies to gets the year's
     * rule-derived entries reversed and the stored facts scored anew. Corrections and appeals stand.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recompute(RuleSet published, String author) {
        int recomputed = 0;
        // each deputy under the same lock as the events' facts, taken in the same order
        for (UUID deputy : facts.deputiesOfYear(published.year(), published.regionCode()).stream().sorted(LOCK_ORDER).toList()) {
            lock(deputy);
            String region = deputyRegion(deputy, null);
            Optional<Rules.Stored> effective = rules.effective(RegionCode.of(region), published.year());
            if (effective.isEmpty() || !effective.get().rules().regionCode().equals(published.regionCode())) {
                continue; // a more specific rule set applies to this deputy
            }
            for (LiveAward e : entries.liveAwards(deputy, published.year())) {
                entries.append(NewEntry.of(LedgerKind.REVERSAL, deputy, published.year(), region, -e.points(),
                                "规则第 " + published.version() + " 版发布,按新规则重算", author)
                        .forFact(e.factId(), e.factType(), e.occurredOn(), e.sourceEventId()).byRules(published).reversing(e.id()));
            }
            List<StoredFact> stored = facts.ofYear(deputy, published.year());
            List<RuleSet.Fact> scored = stored.stream().map(f -> new RuleSet.Fact(f.id(), f.type(), f.occurredOn())).toList();
            for (RuleSet.Award a : published.evaluate(scored)) {
                StoredFact f = stored.stream().filter(x -> x.id() == a.factId()).findFirst().orElseThrow();
                entries.append(NewEntry.of(LedgerKind.AWARD, deputy, published.year(), region, a.points(),
                                a.reason() + "(第 " + published.version() + " 版规则)", author)
                        .forFact(a.factId(), a.type(), f.occurredOn(), f.sourceEventId()).byRules(published));
            }
            recomputed++;
        }
        return recomputed;
    }

    /** A correction or a granted appeal: a new entry, reversing another when named. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID correct(UUID deputyId, int year, int points, UUID reverses, LedgerKind kind, String reason, String author) {
        return correct(deputyId, year, points, reverses, null, kind, reason, author);
    }

    /**
     * As above, naming the type of fact an added entry stands for (a granted appeal for a missing station entry is a
     * station entry: it counts in {@code station_entry_count}, V4).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID correct(UUID deputyId, int year, int points, UUID reverses, FactType type, LedgerKind kind, String reason,
                        String author) {
        lock(deputyId);
        String region = deputyRegion(deputyId, null);
        if (reverses == null) {
            return entries.append(NewEntry.of(kind, deputyId, year, region, points, reason, author).ofType(type));
        }
        EntryOwner target = entries.owner(reverses).orElseThrow(() -> ProblemException.notFound("ledger entry", reverses));
        if (!target.deputyId().equals(deputyId)) {
            throw ProblemException.unprocessable("entry-of-another-deputy", "reverses", "the entry belongs to another deputy");
        }
        if (entries.isReversed(reverses)) {
            throw ProblemException.conflict("already-reversed", "entry " + reverses + " is already reversed");
        }
        return entries.append(NewEntry.of(kind, deputyId, year, region, -target.points(), reason, author).reversing(reverses));
    }

    /** The deputy's scoring lock, until the transaction ends (taken in {@link #LOCK_ORDER} when there are several). */
    public void lock(UUID deputyId) {
        entries.lockDeputy(deputyId);
    }

    /** The years after {@code year} in which facts were recorded (a carried rule set may score them). */
    public List<Integer> factYearsAfter(int year) {
        return facts.yearsAfter(year);
    }

    /** The deputy's own region (from deputy.events), else where the fact happened. */
    public String deputyRegion(UUID deputyId, String fallback) {
        Optional<String> own = deputies.region(deputyId);
        if (own.isPresent()) {
            return own.get();
        }
        if (fallback != null) {
            return fallback;
        }
        return facts.latestRegion(deputyId).orElseThrow(() -> ProblemException.notFound("deputy", deputyId));
    }
}
