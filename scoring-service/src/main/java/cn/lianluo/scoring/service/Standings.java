package cn.lianluo.scoring.service;

import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.messaging.ScoringEvents;
import cn.lianluo.scoring.rest.PointsDtos.Alert;
import cn.lianluo.scoring.rest.PointsDtos.AlertKind;
import cn.lianluo.scoring.rest.PointsDtos.DeputyPoints;
import cn.lianluo.scoring.rest.PointsDtos.LedgerEntry;
import cn.lianluo.scoring.rest.PointsDtos.LedgerEntryKind;
import cn.lianluo.scoring.rest.PointsDtos.Snapshot;
import cn.lianluo.scoring.rest.PointsDtos.Standing;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read side of 履职积分: a deputy's points and ledger, rankings, alerts, frozen quarterly tables. */
@ApplicationScoped
public class Standings {

    private final EntityManager em;
    private final Rules rules;
    private final Ledger ledger;
    private final Outbox outbox;
    private final ObjectMapper mapper;

    public Standings(EntityManager em, Rules rules, Ledger ledger, Outbox outbox, ObjectMapper mapper) {
        this.em = em;
        this.rules = rules;
        this.ledger = ledger;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /** A deputy's year: total, by type, grade, station entries and the whole ledger. */
    @Transactional
    public DeputyPoints deputy(UUID deputyId, int year, Caller caller) {
        String region = ledger.deputyRegion(deputyId, null);
        boolean self = caller.hasRole(Roles.DEPUTY) && caller.deputyId().map(deputyId.toString()::equals).orElse(false);
        if (!self) {
            if (!caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR) && !caller.hasRole(Roles.STATION_STAFF)) {
                throw ProblemException.forbidden("a deputy sees only their own points");
            }
            caller.requireWithin(RegionCode.of(region));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, points, fact_type, source_event_id, rule_version, reason, at, kind, "
                + "occurred_on, reverses, author FROM ledger_entry WHERE deputy_id = ?1 AND year = ?2 ORDER BY seq")
                .setParameter(1, deputyId).setParameter(2, year).getResultList();
        List<LedgerEntry> entries = rows.stream().map(r -> new LedgerEntry((UUID) r[0], ((Number) r[1]).intValue(),
                r[2] == null ? null : FactType.valueOf((String) r[2]), (UUID) r[3], r[4] == null ? null : ((Number) r[4]).intValue(),
                (String) r[5], instant(r[6]), LedgerEntryKind.valueOf((String) r[7]), r[8] == null ? null : Ledger.toDate(r[8]), (UUID) r[9], (String) r[10]))
                .toList();
        int total = entries.stream().mapToInt(LedgerEntry::points).sum();
        Map<FactType, Integer> byType = new EnumMap<>(FactType.class);
        entries.stream().filter(e -> e.factType() != null).forEach(e -> byType.merge(e.factType(), e.points(), Integer::sum));
        var effective = rules.effective(RegionCode.of(region), year);
        return new DeputyPoints(deputyId, year, total, byType,
                effective.flatMap(s -> s.rules().grade(total)).orElse(null), stationEntries(deputyId, year),
                effective.map(s -> s.rules().requiredStationEntries()).orElse(0), entries);
    }

    /** Rankings within a region prefix (and a congress level), the most points first; paged in the database. */
    @Transactional
    public Page<Standing> ranking(RegionCode region, int year, String level, int page, int size) {
        long[] total = new long[1];
        List<Standing> rows = standings(region, year, level, size, (long) page * size, total);
        return new Page<>(rows, total[0], page, size);
    }

    @Schema(name = "StationEntryFigures", description = "A region's active deputies and those with the required station entries.")
    public record EntryFigures(String regionCode, long deputies, long withRequiredEntries) {
    }

    @Schema(name = "PointsStatistics", description = "For the dashboard: deputies with the required station entries, for "
            + "the region and each child region, and the five top deputies.")
    public record Statistics(String regionCode, int year,
                             @Schema(description = "the region's rule (4 without a rule set)") int requiredStationEntries,
                             EntryFigures total, List<EntryFigures> children,
                             @Schema(description = "the five deputies with the most points (fewer when fewer have points)") List<Standing> top) {
    }

    /**
     * For the dashboard: active deputies with at least the required station entries this year (the region's rule),
     * for the region and each child region, and the five top deputies.
     */
    @Transactional
    public Statistics statistics(RegionCode region, int year) {
        int required = rules.effective(region, year).map(s -> s.rules().requiredStationEntries()).orElse(4);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT substr(d.region_code, 1, :childLength), count(*), count(*) FILTER (WHERE coalesce(e.entries, 0) >= :required)
                FROM deputy_copy d LEFT JOIN station_entry_count e ON e.deputy_id = d.deputy_id AND e.year = :year
                WHERE d.active AND d.region_code LIKE :region GROUP BY 1""")
                .setParameter("region", region.likePattern()).setParameter("childLength", region.childCodeLength())
                .setParameter("year", year).setParameter("required", required).getResultList();
        long deputies = 0;
        long with = 0;
        List<EntryFigures> children = new ArrayList<>();
        for (Object[] r : rows) {
            long n = ((Number) r[1]).longValue();
            long w = ((Number) r[2]).longValue();
            deputies += n;
            with += w;
            if (!region.value().equals(r[0])) {
                children.add(new EntryFigures((String) r[0], n, w));
            }
        }
        children.sort(java.util.Comparator.comparing(EntryFigures::regionCode));
        List<Standing> top = top(region, year, 5);
        return new Statistics(region.value(), year, required, new EntryFigures(region.value(), deputies, with), children, top);
    }

    /**
     * The first {@code limit} of a region's ranking, read down the (year, points) index; ranks are counted here (equal
     * points, equal rank), as the top rows hold every deputy above them. The window of the paged ranking ranks the whole
     * region (0.36 s for a province) to give the same.
     */
    private List<Standing> top(RegionCode region, int year, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.deputy_id, coalesce(d.name, ''), coalesce(d.region_code, t.region_code), t.points
                FROM deputy_year_total t LEFT JOIN deputy_copy d ON d.deputy_id = t.deputy_id
                WHERE t.year = :year AND coalesce(d.region_code, t.region_code) LIKE :region
                ORDER BY t.points DESC, t.deputy_id LIMIT :limit""")
                .setParameter("year", year).setParameter("region", region.likePattern()).setParameter("limit", limit)
                .getResultList();
        List<Object[]> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            boolean tie = i > 0 && ((Number) r[3]).intValue() == ((Number) rows.get(i - 1)[3]).intValue();
            ranked.add(new Object[] {r[0], r[1], r[2], r[3], tie ? ranked.get(i - 1)[4] : i + 1});
        }
        return graded(ranked, year);
    }


    /** Deputies falling behind: below the required station entries once the flag date has come, or a low score. */
    @Transactional
    public List<Alert> alerts(RegionCode region, int year, LocalDate today) {
        List<Alert> alerts = new ArrayList<>();
        var rulesOf = rules.resolver(year);
        // every deputy of the region with their entries and total, in one query (one per deputy took minutes at province scale)
        @SuppressWarnings("unchecked")
        List<Object[]> deputies = em.createNativeQuery("SELECT d.deputy_id, d.name, d.region_code, coalesce(e.entries, 0), "
                + "coalesce(t.points, 0) FROM deputy_copy d LEFT JOIN station_entry_count e ON e.deputy_id = d.deputy_id AND e.year = :year "
                + "LEFT JOIN deputy_year_total t ON t.deputy_id = d.deputy_id AND t.year = :year "
                + "WHERE d.active AND d.region_code LIKE :region ORDER BY d.region_code, d.name")
                .setParameter("region", region.likePattern()).setParameter("year", year).getResultList();
        for (Object[] d : deputies) {
            UUID id = (UUID) d[0];
            var effective = rulesOf.apply(RegionCode.of((String) d[2]));
            if (effective.isEmpty()) {
                continue;
            }
            var r = effective.get().rules();
            if (r.flagDate() == null || today.isBefore(r.flagDate())) {
                continue;
            }
            long entries = ((Number) d[3]).longValue();
            if (entries < r.requiredStationEntries()) {
                alerts.add(new Alert(id, (String) d[1], (String) d[2], AlertKind.STATION_ENTRIES,
                        "进站 " + entries + " 次,少于每年 " + r.requiredStationEntries() + " 次", null));
            }
            int total = ((Number) d[4]).intValue();
            if (r.lowScore() > 0 && total < r.lowScore()) {
                alerts.add(new Alert(id, (String) d[1], (String) d[2], AlertKind.LOW_SCORE,
                        "积分 " + total + " 分,低于 " + r.lowScore() + " 分(约谈)", null));
            }
        }
        return alerts;
    }

    /** Raises each alert once (per deputy, year and kind) as a scoring event; returns how many were new. */
    public int raiseAlerts(LocalDate today) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int raised = 0;
            for (Alert a : alerts(RegionCode.HUNAN, today.getYear(), today)) {
                int inserted = em.createNativeQuery("INSERT INTO alert (deputy_id, year, kind, region_code, detail, raised_at) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING").setParameter(1, a.deputyId())
                        .setParameter(2, today.getYear()).setParameter(3, a.kind().name()).setParameter(4, a.regionCode())
                        .setParameter(5, a.detail()).setParameter(6, Instant.now()).executeUpdate();
                if (inserted == 1) {
                    outbox.add(ScoringEvents.ALERT_RAISED, a.deputyId().toString(), RegionCode.of(a.regionCode()),
                            new ScoringEvents.AlertRaised(a.deputyId(), a.name(), a.regionCode(), today.getYear(), a.kind().name(), a.detail()));
                    raised++;
                }
            }
            return raised;
        });
    }

    @Scheduled(cron = "${lianluo.points.alert-cron:0 0 7 * * ?}", timeZone = "Asia/Shanghai")
    void dailyAlerts() {
        raiseAlerts(LocalDate.now(Ledger.CHINA));
    }

    /** Publishes a region's quarterly table; once published it is frozen. */
    @Transactional
    public Snapshot publish(RegionCode region, int year, int quarter, Caller caller) {
        caller.requireWithin(region);
        LocalDate end = LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1);
        List<Standing> rows = table(region, year, null, end);
        Instant now = Instant.now();
        int inserted;
        try {
            inserted = em.createNativeQuery("INSERT INTO snapshot (region_code, year, quarter, published_at, published_by, rows) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING").setParameter(1, region.value()).setParameter(2, year)
                    .setParameter(3, quarter).setParameter(4, now).setParameter(5, caller.subject())
                    .setParameter(6, mapper.writeValueAsString(rows)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (inserted == 0) {
            throw ProblemException.conflict("snapshot-frozen", "the table of " + region + " " + year + " Q" + quarter
                    + " is published and frozen");
        }
        outbox.add(ScoringEvents.SNAPSHOT_PUBLISHED, region.value() + "-" + year + "-Q" + quarter, region,
                new ScoringEvents.SnapshotPublished(region.value(), year, quarter, rows.size()));
        return new Snapshot(region.value(), year, quarter, now, rows);
    }

    @Transactional
    public Snapshot snapshot(RegionCode region, int year, int quarter) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT published_at, rows FROM snapshot WHERE region_code = ?1 AND year = ?2 "
                + "AND quarter = ?3").setParameter(1, region.value()).setParameter(2, year).setParameter(3, quarter).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("published table", region + " " + year + " Q" + quarter);
        }
        try {
            return new Snapshot(region.value(), year, quarter, instant(rows.get(0)[0]),
                    mapper.readValue((String) rows.get(0)[1], new TypeReference<List<Standing>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ranked table of a region; {@code until} limits it to facts up to that day (a quarter's table). */
    public List<Standing> table(RegionCode region, int year, String level, LocalDate until) {
        if (until == null) {
            return standings(region, year, level, Integer.MAX_VALUE, 0, new long[1]);
        }
        // as the year's table: every deputy with points up to that day, and every active deputy of the region without,
        // at 0 — a published quarter leaves nobody out
        String levelOfLedger = level == null ? "" : " AND d.levels @> CAST(:level AS jsonb)";
        String levelOfCopy = level == null ? "" : " AND a.levels @> CAST(:level AS jsonb)";
        String sql = """
                SELECT t.deputy_id, t.name, t.region_code, t.total, rank() OVER (ORDER BY t.total DESC) FROM (
                  SELECT l.deputy_id, coalesce(d.name, '') AS name, coalesce(d.region_code, max(l.region_code)) AS region_code,
                         sum(l.points) AS total
                  FROM ledger_entry l LEFT JOIN deputy_copy d ON d.deputy_id = l.deputy_id
                  WHERE l.year = :year AND coalesce(d.region_code, l.region_code) LIKE :region
                    AND (l.occurred_on IS NULL OR l.occurred_on <= :until)""" + levelOfLedger + """

                  GROUP BY l.deputy_id, d.name, d.region_code
                  UNION ALL
                  SELECT a.deputy_id, coalesce(a.name, ''), a.region_code, 0 FROM deputy_copy a
                  WHERE a.active AND a.region_code LIKE :region""" + levelOfCopy + """

                    AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.deputy_id = a.deputy_id AND e.year = :year
                                      AND (e.occurred_on IS NULL OR e.occurred_on <= :until))
                ) t ORDER BY t.total DESC, t.deputy_id""";
        var query = em.createNativeQuery(sql).setParameter("year", year).setParameter("region", region.likePattern())
                .setParameter("until", until);
        if (level != null) {
            query.setParameter("level", "[\"" + level + "\"]");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return graded(rows, year);
    }

    /**
     * Who a year's table ranks, as {@code t (deputy_id, region_code, points)}: every deputy with a total that year, and
     * every active deputy of the region without one, at 0 — a deputy who earned nothing is in the table, last, not left
     * out. The second part reads the active deputies of the region by its prefix (an index, V4) and leaves out those
     * with a total by the totals' primary key.
     */
    private static final String RANKED = """
             (SELECT deputy_id, region_code, points FROM deputy_year_total WHERE year = :year
              UNION ALL
              SELECT a.deputy_id, a.region_code, 0 FROM deputy_copy a WHERE a.active AND a.region_code LIKE :region
                AND NOT EXISTS (SELECT 1 FROM deputy_year_total y WHERE y.deputy_id = a.deputy_id AND y.year = :year)) t""";

    /**
     * The year's table from the yearly totals: ranked over the whole region, then {@code limit} rows from
     * {@code offset}; {@code total[0]} gets the number of deputies ranked.
     */
    private List<Standing> standings(RegionCode region, int year, String level, int limit, long offset, long[] total) {
        StringBuilder sql = new StringBuilder("""
                SELECT t.deputy_id, coalesce(d.name, ''), coalesce(d.region_code, t.region_code), t.points,
                       rank() OVER (ORDER BY t.points DESC), count(*) OVER ()
                FROM""").append(RANKED).append("""
                 LEFT JOIN deputy_copy d ON d.deputy_id = t.deputy_id
                WHERE coalesce(d.region_code, t.region_code) LIKE :region""");
        if (level != null) {
            sql.append(" AND d.levels @> CAST(:level AS jsonb)");
        }
        sql.append(" ORDER BY t.points DESC, t.deputy_id LIMIT :limit OFFSET :offset");
        var query = em.createNativeQuery(sql.toString()).setParameter("year", year).setParameter("region", region.likePattern())
                .setParameter("limit", limit).setParameter("offset", offset);
        if (level != null) {
            query.setParameter("level", "[\"" + level + "\"]");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        total[0] = rows.isEmpty() ? (offset == 0 ? 0 : countRanked(region, year, level)) : ((Number) rows.get(0)[5]).longValue();
        return graded(rows, year);
    }

    private long countRanked(RegionCode region, int year, String level) {
        var query = em.createNativeQuery("SELECT count(*) FROM" + RANKED + " LEFT JOIN deputy_copy d ON d.deputy_id = t.deputy_id "
                        + "WHERE coalesce(d.region_code, t.region_code) LIKE :region"
                        + (level == null ? "" : " AND d.levels @> CAST(:level AS jsonb)"))
                .setParameter("year", year).setParameter("region", region.likePattern());
        if (level != null) {
            query.setParameter("level", "[\"" + level + "\"]");
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Rows of (deputy, name, region, total, rank) as standings, each with its grade under its region's rules. */
    private List<Standing> graded(List<Object[]> rows, int year) {
        var rulesOf = rules.resolver(year);
        return rows.stream().map(r -> {
            int total = ((Number) r[3]).intValue();
            String grade = rulesOf.apply(RegionCode.of((String) r[2])).flatMap(s -> s.rules().grade(total)).orElse(null);
            return new Standing(((Number) r[4]).intValue(), (UUID) r[0], (String) r[1], (String) r[2], total, grade);
        }).toList();
    }

    private long stationEntries(UUID deputyId, int year) {
        List<?> entries = em.createNativeQuery("SELECT entries FROM station_entry_count WHERE deputy_id = ?1 AND year = ?2")
                .setParameter(1, deputyId).setParameter(2, year).getResultList();
        return entries.isEmpty() ? 0 : ((Number) entries.get(0)).longValue();
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) o).toInstant();
    }
}
