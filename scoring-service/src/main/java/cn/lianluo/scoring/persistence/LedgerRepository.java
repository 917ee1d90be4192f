package cn.lianluo.scoring.persistence;

import cn.lianluo.common.data.ChangeFeed;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.LedgerKind;
import cn.lianluo.scoring.domain.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The append-only ledger (台账, table {@code ledger_entry}) and the per-deputy scoring locks. Entries are only added;
 * a wrong one is undone by a reversing entry.
 */
@ApplicationScoped
public class LedgerRepository {

    /** The class of the transaction-scoped advisory locks that serialise the scoring of one deputy's facts. */
    private static final int DEPUTY_LOCKS = 0x4c4c5054;
    /** The class of those that serialise a case's facts with its merge (重复件): taken before any deputy's. */
    private static final int CASE_LOCKS = 0x4c4c4341;

    /**
     * An entry to append. Start with {@link #of} and add what the kind of entry has: the fact it scores
     * ({@link #forFact}), the rule set that scored it ({@link #byRules}), the entry it reverses ({@link #reversing}), or
     * the fact type an added entry stands for ({@link #ofType}).
     */
    public record NewEntry(LedgerKind kind, UUID deputyId, int year, String regionCode, int points, String reason,
                           String author, Long factId, FactType factType, LocalDate occurredOn, UUID sourceEventId,
                           String ruleRegion, Integer ruleVersion, UUID reverses) {

        public static NewEntry of(LedgerKind kind, UUID deputyId, int year, String regionCode, int points, String reason,
                                  String author) {
            return new NewEntry(kind, deputyId, year, regionCode, points, reason, author, null, null, null, null, null, null, null);
        }

        public NewEntry forFact(long fact, FactType type, LocalDate on, UUID eventId) {
            return new NewEntry(kind, deputyId, year, regionCode, points, reason, author, fact, type, on, eventId, ruleRegion,
                    ruleVersion, reverses);
        }

        public NewEntry ofType(FactType type) {
            return new NewEntry(kind, deputyId, year, regionCode, points, reason, author, factId, type, occurredOn,
                    sourceEventId, ruleRegion, ruleVersion, reverses);
        }

        public NewEntry byRules(RuleSet rules) {
            return new NewEntry(kind, deputyId, year, regionCode, points, reason, author, factId, factType, occurredOn,
                    sourceEventId, rules.regionCode(), rules.version(), reverses);
        }

        public NewEntry reversing(UUID entry) {
            return new NewEntry(kind, deputyId, year, regionCode, points, reason, author, factId, factType, occurredOn,
                    sourceEventId, ruleRegion, ruleVersion, entry);
        }
    }

    /** A rule's award not reversed yet. */
    public record LiveAward(UUID id, int points, long factId, FactType factType, LocalDate occurredOn, UUID sourceEventId) {
    }

    /** Whose an entry is, and its points and year. */
    public record EntryOwner(UUID deputyId, int points, int year) {
    }

    /** An entry as the deputy's ledger shows it. */
    public record StoredEntry(UUID id, int points, FactType factType, UUID sourceEventId, Integer ruleVersion, String reason,
                              Instant at, LedgerKind kind, LocalDate occurredOn, UUID reverses, String author) {
    }

    private final EntityManager em;

    public LedgerRepository(EntityManager em) {
        this.em = em;
    }

    /** The deputy's scoring lock, until the transaction ends. */
    public void lockDeputy(UUID deputyId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, DEPUTY_LOCKS).setParameter(2, deputyId.hashCode()).getSingleResult();
    }

    /** The case's merge lock, until the transaction ends. */
    public void lockCase(UUID caseId) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, CASE_LOCKS).setParameter(2, caseId.hashCode()).getSingleResult();
    }

    /** Appends the entry at this instant; its new id. */
    public UUID append(NewEntry e) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO ledger_entry (id, deputy_id, year, region_code, kind, points, fact_id, fact_type, occurred_on, "
                        + "source_event_id, rule_region, rule_version, reason, reverses, author, at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
                .setParameter(1, id).setParameter(2, e.deputyId()).setParameter(3, e.year()).setParameter(4, e.regionCode())
                .setParameter(5, e.kind().name()).setParameter(6, e.points()).setParameter(7, e.factId())
                .setParameter(8, e.factType() == null ? null : e.factType().name()).setParameter(9, e.occurredOn())
                .setParameter(10, e.sourceEventId()).setParameter(11, e.ruleRegion()).setParameter(12, e.ruleVersion())
                .setParameter(13, e.reason()).setParameter(14, e.reverses()).setParameter(15, e.author())
                .setParameter(16, Instant.now()).executeUpdate();
        return id;
    }

    /** The points a deputy's facts of a type earned from {@code from} to {@code to} (a cap's period). */
    public int factPoints(UUID deputyId, FactType type, LocalDate from, LocalDate to) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(points), 0) FROM ledger_entry WHERE deputy_id = ?1 "
                        + "AND fact_type = ?2 AND fact_id IS NOT NULL AND occurred_on BETWEEN ?3 AND ?4")
                .setParameter(1, deputyId).setParameter(2, type.name()).setParameter(3, from).setParameter(4, to)
                .getSingleResult()).intValue();
    }

    /** A deputy's awards of a year that no entry reverses, in the order they were written. */
    public List<LiveAward> liveAwards(UUID deputyId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.points, e.fact_id, e.fact_type, e.occurred_on, e.source_event_id "
                        + "FROM ledger_entry e WHERE e.deputy_id = ?1 AND e.year = ?2 AND e.kind = ?3 "
                        + "AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = e.id) ORDER BY e.seq")
                .setParameter(1, deputyId).setParameter(2, year).setParameter(3, LedgerKind.AWARD.name()).getResultList();
        return rows.stream().map(r -> new LiveAward((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                FactType.valueOf((String) r[3]), Columns.date(r[4]), (UUID) r[5])).toList();
    }

    /** The awards of a fact that no entry reverses. */
    public List<LiveAward> liveAwardsOf(long factId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.points, e.fact_id, e.fact_type, e.occurred_on, e.source_event_id "
                        + "FROM ledger_entry e WHERE e.fact_id = ?1 AND e.kind = ?2 "
                        + "AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses = e.id) ORDER BY e.seq")
                .setParameter(1, factId).setParameter(2, LedgerKind.AWARD.name()).getResultList();
        return rows.stream().map(r -> new LiveAward((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).longValue(),
                FactType.valueOf((String) r[3]), Columns.date(r[4]), (UUID) r[5])).toList();
    }

    public Optional<EntryOwner> owner(UUID entryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT deputy_id, points, year FROM ledger_entry WHERE id = ?1")
                .setParameter(1, entryId).getResultList();
        return rows.stream().findFirst().map(r -> new EntryOwner((UUID) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue()));
    }

    public boolean isReversed(UUID entryId) {
        return !em.createNativeQuery("SELECT 1 FROM ledger_entry WHERE reverses = ?1").setParameter(1, entryId).getResultList().isEmpty();
    }

    /** A deputy's ledger of a year, in the order it was written. */
    public List<StoredEntry> ofYear(UUID deputyId, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + STORED + " FROM ledger_entry WHERE deputy_id = ?1 AND year = ?2 "
                        + "ORDER BY seq")
                .setParameter(1, deputyId).setParameter(2, year).getResultList();
        return rows.stream().map(LedgerRepository::stored).toList();
    }

    /** An entry with whose it is: a deputy's, of a year, in a region. */
    public record OwnedEntry(UUID deputyId, int year, String regionCode, StoredEntry entry) {
    }

    /** The entries of a region written after the cursor, in the order of the transaction that wrote each (ChangeFeed). */
    public List<Cursor> changedKeys(RegionCode region, Cursor after, int size) {
        return ChangeFeed.keys(em, "ledger_entry", region, "", Map.of(), after, size);
    }

    /** The entries of these ids, in their order. */
    public List<OwnedEntry> owned(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + STORED + ", deputy_id, year, region_code FROM ledger_entry "
                + "WHERE id IN (:ids)").setParameter("ids", ids).getResultList();
        Map<UUID, OwnedEntry> byId = rows.stream().map(r -> new OwnedEntry((UUID) r[11], ((Number) r[12]).intValue(),
                (String) r[13], stored(r))).collect(Collectors.toMap(e -> e.entry().id(), e -> e));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static final String STORED = "id, points, fact_type, source_event_id, rule_version, reason, at, kind, occurred_on, "
            + "reverses, author";

    private static StoredEntry stored(Object[] r) {
        return new StoredEntry((UUID) r[0], ((Number) r[1]).intValue(),
                r[2] == null ? null : FactType.valueOf((String) r[2]), (UUID) r[3], Columns.integer(r[4]), (String) r[5],
                Columns.instant(r[6]), LedgerKind.valueOf((String) r[7]), Columns.date(r[8]), (UUID) r[9], (String) r[10]);
    }
}
