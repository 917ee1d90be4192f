package cn.lianluo.scoring.service;

import cn.lianluo.common.outbox.Outbox;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.security.Roles;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.rest.PointsDtos.Alert;
import cn.lianluo.scoring.rest.PointsDtos.DeputyPoints;
import cn.lianluo.scoring.rest.PointsDtos.LedgerEntry;
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

    public record AlertRaised(UUID deputyId, String name, String regionCode, int year, String kind, String detail) {
    }

    public record SnapshotPublished(String regionCode, int year, int quarter, int deputies) {
    }

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
                (String) r[5], instant(r[6]), (String) r[7], r[8] == null ? null : Ledger.toDate(r[8]), (UUID) r[9], (String) r[10]))
                .toList();
        int total = entries.stream().mapToInt(LedgerEntry::points).sum();
        Map<FactType, Integer> byType = new EnumMap<>(FactType.class);
        entries.stream().filter(e -> e.factType() != null).forEach(e -> byType.merge(e.factType(), e.points(), Integer::sum));
        var effective = rules.effective(RegionCode.of(region), year);
        return new DeputyPoints(deputyId, year, total, byType,
                effective.flatMap(s -> s.rules().grade(total)).orElse(null), stationEntries(deputyId, year),
                effective.map(s -> s.rules().requiredStationEntries()).orElse(0), entries);
    }

    /** Rankings within a region prefix (and a congress level), the most points first. */
    @Transactional
    public Page<Standing> ranking(RegionCode region, int year, String level, int page, int size) {
        List<Standing> all = table(region, year, level, null);
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
    }

    public record EntryFigures(String regionCode, long deputies, long withRequiredEntries) {
    }

    public record Statistics(String regionCode, int year, int requiredStationEntries, EntryFigures total,
                             List<EntryFigures> children, List<Standing> top) {
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
                SELECT substr(d.region_code, 1, ?2), count(*),
                       count(*) FILTER (WHERE (SELECT count(*) FROM fact f WHERE f.deputy_id = d.deputy_id AND f.fact_type = 'STATION_ENTRY'
                                               AND extract(year FROM f.occurred_on) = ?3) >= ?4)
                FROM deputy_copy d WHERE d.active AND d.region_code LIKE ?1 GROUP BY 1""")
                .setParameter(1, region.likePattern()).setParameter(2, region.childCodeLength()).setParameter(3, year)
                .setParameter(4, required).getResultList();
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
        List<Standing> top = table(region, year, null, null);
        return new Statistics(region.value(), year, required, new EntryFigures(region.value(), deputies, with), children,
                top.subList(0, Math.min(5, top.size())));
    }

    /** Deputies falling behind: below the required station entries once the flag date has come, or a low score. */
    @Transactional
    public List<Alert> alerts(RegionCode region, int year, LocalDate today) {
        List<Alert> alerts = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> deputies = em.createNativeQuery("SELECT deputy_id, name, region_code FROM deputy_copy WHERE active "
                + "AND region_code LIKE ?1 ORDER BY region_code, name").setParameter(1, region.likePattern()).getResultList();
        for (Object[] d : deputies) {
            UUID id = (UUID) d[0];
            var effective = rules.effective(RegionCode.of((String) d[2]), year);
            if (effective.isEmpty()) {
                continue;
            }
            var r = effective.get().rules();
            if (r.flagDate() == null || today.isBefore(r.flagDate())) {
                continue;
            }
            long entries = stationEntries(id, year);
            if (entries < r.requiredStationEntries()) {
                alerts.add(new Alert(id, (String) d[1], (String) d[2], "STATION_ENTRIES",
                        "进站 " + entries + " 次,少于每年 " + r.requiredStationEntries() + " 次", null));
            }
            int total = total(id, year);
            if (r.lowScore() > 0 && total < r.lowScore()) {
                alerts.add(new Alert(id, (String) d[1], (String) d[2], "LOW_SCORE",
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
                        .setParameter(2, today.getYear()).setParameter(3, a.kind()).setParameter(4, a.regionCode())
                        .setParameter(5, a.detail()).setParameter(6, Instant.now()).executeUpdate();
                if (inserted == 1) {
                    outbox.add("lianluo.scoring.alert-raised.v1", a.deputyId().toString(), RegionCode.of(a.regionCode()),
                            new AlertRaised(a.deputyId(), a.name(), a.regionCode(), today.getYear(), a.kind(), a.detail()));
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
        outbox.add("lianluo.scoring.snapshot-published.v1", region.value() + "-" + year + "-Q" + quarter, region,
                new SnapshotPublished(region.value(), year, quarter, rows.size()));
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
        StringBuilder sql = new StringBuilder("""
                SELECT l.deputy_id, coalesce(d.name, ''), coalesce(d.region_code, max(l.region_code)), sum(l.points) AS total,
                       rank() OVER (ORDER BY sum(l.points) DESC)
                FROM ledger_entry l LEFT JOIN deputy_copy d ON d.deputy_id = l.deputy_id
                WHERE l.year = :year AND coalesce(d.region_code, l.region_code) LIKE :region""");
        if (level != null) {
            sql.append(" AND d.levels @> CAST(:level AS jsonb)");
        }
        if (until != null) {
            sql.append(" AND (l.occurred_on IS NULL OR l.occurred_on <= :until)");
        }
        sql.append(" GROUP BY l.deputy_id, d.name, d.region_code ORDER BY total DESC, l.deputy_id");
        var query = em.createNativeQuery(sql.toString()).setParameter("year", year).setParameter("region", region.likePattern());
        if (level != null) {
            query.setParameter("level", "[\"" + level + "\"]");
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            int total = ((Number) r[3]).intValue();
            String grade = rules.effective(RegionCode.of((String) r[2]), year).flatMap(s -> s.rules().grade(total)).orElse(null);
            return new Standing(((Number) r[4]).intValue(), (UUID) r[0], (String) r[1], (String) r[2], total, grade);
        }).toList();
    }

    private long stationEntries(UUID deputyId, int year) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM fact WHERE deputy_id = ?1 AND fact_type = 'STATION_ENTRY' "
                + "AND extract(year FROM occurred_on) = ?2").setParameter(1, deputyId).setParameter(2, year).getSingleResult()).longValue();
    }

    private int total(UUID deputyId, int year) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(points), 0) FROM ledger_entry WHERE deputy_id = ?1 AND year = ?2")
                .setParameter(1, deputyId).setParameter(2, year).getSingleResult()).intValue();
    }

    private static Instant instant(Object o) {
        return o instanceof Instant i ? i : o instanceof java.time.OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) o).toInstant();
    }
}
