package cn.lianluo.scoring.service;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.time.Zones;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only ledger (台账): facts are recorded once per event, deputy and type, and scored by the rule set
 * that applies to the deputy; a new rule version reverses the year's awards and scores the facts again.
 */
@ApplicationScoped
public class Ledger {

    public static final ZoneId CHINA = Zones.CHINA;
    /** The class of the transaction-scoped advisory locks that serialise the scoring of one deputy's facts. */
    private static final int DEPUTY_LOCKS = 0x4c4c5054;

    private final EntityManager em;
    private final Rules rules;

    public Ledger(EntityManager em, Rules rules) {
        this.em = em;
        this.rules = rules;
    }

    /**
     * Records a fact and scores it; a fact already recorded (a redelivered event) changes nothing. Facts of one
     * deputy are scored one at a time (an advisory lock until the transaction ends): a cap counts what the deputy
     * already has, and two events handled at once, here or by another replica, must not both see room under it.
     * A transaction recording several deputies' facts takes them in the order of the lock keys ({@code hashCode}).
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
        lock(deputyId);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("INSERT INTO fact (source_event_id, source_type, deputy_id, fact_type, occurred_on, "
                        + "region_code, recorded_at, station_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING RETURNING id")
                .setParameter(1, eventId).setParameter(2, sourceType).setParameter(3, deputyId).setParameter(4, type.name())
                .setParameter(5, on).setParameter(6, factRegion).setParameter(7, Instant.now())
                .setParameter(8, stationId).getResultList();
        if (ids.isEmpty()) {
            return;
        }
        long factId = ids.get(0).longValue();
        String region = deputyRegion(deputyId, factRegion);
        rules.effective(RegionCode.of(region), on.getYear()).ifPresent(stored -> {
            RuleSet r = stored.rules();
            RuleSet.Fact fact = new RuleSet.Fact(factId, type, on);
            int used = 0;
            RuleSet.Cap cap = r.caps().get(type);
            if (cap != null) {
                used = ((Number) em.createNativeQuery("SELECT coalesce(sum(points), 0) FROM ledger_entry WHERE deputy_id = ?1 "
                                + "AND fact_type = ?2 AND fact_id IS NOT NULL AND occurred_on BETWEEN ?3 AND ?4")
                        .setParameter(1, deputyId).setParameter(2, type.name())
                        .setParameter(3, RuleSet.periodStart(on, cap.period())).setParameter(4, RuleSet.periodEnd(on, cap.period()))
                        .getSingleResult()).intValue();
            }
            r.award(fact, used).ifPresent(a -> entry(deputyId, on.getYear(), region, "AWARD", a.points(), factId, type, on,
                    eventId, r, a.reason(), null, "rules"));
        });
    }

    /**
     * Scores a year again under a newly published rule set: every deputy it now applies to gets the year's
     * rule-derived entries reversed and the stored facts scored anew. Corrections and appeals stand.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int recompute(RuleSet published, String author) {
        @SuppressWarnings("unchecked")
        List<UUID> deputies = em.createNativeQuery("SELECT DISTINCT f.deputy_id FROM fact f LEFT JOIN deputy_copy d ON d.deputy_id = f.deputy_id "
                        + "WHERE extract(year FROM f.occurred_on) = ?1 AND coalesce(d.region_code, f.region_code) LIKE ?2", UUID.class)
                .setParameter(1, published.year()).setParameter(2, published.regionCode() + "%").getResultList();
        int recomputed = 0;
        // each deputy under the same lock as the events' facts, taken in the same order
        for (UUID deputy : deputies.stream().sorted(LOCK_ORDER).toList()) {
            lock(deputy);
            String region = deputyRegion(deputy, null);
            Optional<Rules.Stored> effective = rules.effective(RegionCode.of(region), published.year());
            if (effective.isEmpty() || !effective.get().rules().regionCode().equals(published.regionCode())) {
                continue; // a more specific rule set applies to this deputy
            }
            @SuppressWarnings("unchecked")
            List<Object[]> live = em.createNativeQuery("SELECT e.id, e.points, e.fact_id, e.fact_type, e.occurred_on, e.source_event_id "
                            + "FROM ledger_entry e WHERE e.deputy_id = ?1 AND e.year = ?2 AND e.kind = 'AWARD' "
                            + "AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = e.id) ORDER BY e.seq")
                    .setParameter(1, deputy).setParameter(2, published.year()).getResultList();
            for (Object[] e : live) {
                entry(deputy, published.year(), region, "REVERSAL", -((Number) e[1]).intValue(), ((Number) e[2]).longValue(),
                        FactType.valueOf((String) e[3]), toDate(e[4]), (UUID) e[5], published,
                        "规则第 " + published.version() + " 版发布,按新规则重算", (UUID) e[0], author);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> facts = em.createNativeQuery("SELECT id, fact_type, occurred_on, source_event_id FROM fact "
                            + "WHERE deputy_id = ?1 AND extract(year FROM occurred_on) = ?2 ORDER BY occurred_on, id")
                    .setParameter(1, deputy).setParameter(2, published.year()).getResultList();
            List<RuleSet.Fact> scored = facts.stream().map(f -> new RuleSet.Fact(((Number) f[0]).longValue(),
                    FactType.valueOf((String) f[1]), toDate(f[2]))).toList();
            for (RuleSet.Award a : published.evaluate(scored)) {
                Object[] f = facts.stream().filter(x -> ((Number) x[0]).longValue() == a.factId()).findFirst().orElseThrow();
                entry(deputy, published.year(), region, "AWARD", a.points(), a.factId(), a.type(), toDate(f[2]), (UUID) f[3],
                        published, a.reason() + "(第 " + published.version() + " 版规则)", null, author);
            }
            recomputed++;
        }
        return recomputed;
    }

    /** A correction or a granted appeal: a new entry, reversing another when named. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID correct(UUID deputyId, int year, int points, UUID reverses, String kind, String reason, String author) {
        return correct(deputyId, year, points, reverses, null, kind, reason, author);
    }

    /**
     * As above, naming the type of fact an added entry stands for (a granted appeal for a missing station entry is a
     * station entry: it counts in {@code station_entry_count}, V4).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID correct(UUID deputyId, int year, int points, UUID reverses, FactType type, String kind, String reason, String author) {
        lock(deputyId);
        String region = deputyRegion(deputyId, null);
        if (reverses != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> target = em.createNativeQuery("SELECT deputy_id, points, year FROM ledger_entry WHERE id = ?1")
                    .setParameter(1, reverses).getResultList();
            if (target.isEmpty()) {
                throw ProblemException.notFound("ledger entry", reverses);
            }
            if (!target.get(0)[0].equals(deputyId)) {
                throw ProblemException.unprocessable("entry-of-another-deputy", "reverses", "the entry belongs to another deputy");
            }
            if (!em.createNativeQuery("SELECT 1 FROM ledger_entry WHERE reverses = ?1").setParameter(1, reverses).getResultList().isEmpty()) {
                throw ProblemException.conflict("already-reversed", "entry " + reverses + " is already reversed");
            }
            points = -((Number) target.get(0)[1]).intValue();
        }
        return entry(deputyId, year, region, kind, points, null, reverses == null ? type : null, null, null, null, reason, reverses, author);
    }

    /** The order in which one transaction takes several deputies' locks: by lock key, then by id. */
    public static final java.util.Comparator<UUID> LOCK_ORDER =
            java.util.Comparator.comparingInt(UUID::hashCode).thenComparing(java.util.Comparator.naturalOrder());

    /** The deputy's scoring lock, until the transaction ends (taken in {@link #LOCK_ORDER} when there are several). */
    public void lock(UUID deputyId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, DEPUTY_LOCKS).setParameter(2, deputyId.hashCode()).getSingleResult();
    }

    /** The years after {@code year} in which facts were recorded (a carried rule set may score them). */
    public List<Integer> factYearsAfter(int year) {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery("SELECT DISTINCT CAST(extract(year FROM occurred_on) AS integer) FROM fact "
                + "WHERE occurred_on >= ?1 ORDER BY 1").setParameter(1, LocalDate.of(year + 1, 1, 1)).getResultList();
        return years.stream().map(Number::intValue).toList();
    }

    /** The deputy's own region (from deputy.events), else where the fact happened. */
    public String deputyRegion(UUID deputyId, String fallback) {
        @SuppressWarnings("unchecked")
        List<String> regions = em.createNativeQuery("SELECT region_code FROM deputy_copy WHERE deputy_id = ?1")
                .setParameter(1, deputyId).getResultList();
        if (!regions.isEmpty()) {
            return regions.get(0);
        }
        if (fallback != null) {
            return fallback;
        }
        @SuppressWarnings("unchecked")
        List<String> factRegions = em.createNativeQuery("SELECT region_code FROM fact WHERE deputy_id = ?1 ORDER BY id DESC LIMIT 1")
                .setParameter(1, deputyId).getResultList();
        if (factRegions.isEmpty()) {
            throw ProblemException.notFound("deputy", deputyId);
        }
        return factRegions.get(0);
    }

    private UUID entry(UUID deputy, int year, String region, String kind, int points, Long factId, FactType type, LocalDate on,
                       UUID eventId, RuleSet r, String reason, UUID reverses, String author) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO ledger_entry (id, deputy_id, year, region_code, kind, points, fact_id, fact_type, occurred_on, "
                        + "source_event_id, rule_region, rule_version, reason, reverses, author, at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
                .setParameter(1, id).setParameter(2, deputy).setParameter(3, year).setParameter(4, region).setParameter(5, kind)
                .setParameter(6, points).setParameter(7, factId).setParameter(8, type == null ? null : type.name())
                .setParameter(9, on).setParameter(10, eventId).setParameter(11, r == null ? null : r.regionCode())
                .setParameter(12, r == null ? null : r.version()).setParameter(13, reason).setParameter(14, reverses)
                .setParameter(15, author).setParameter(16, Instant.now()).executeUpdate();
        return id;
    }

    static LocalDate toDate(Object o) {
        return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }
}
