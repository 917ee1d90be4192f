package cn.lianluo.scoring.service;

import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.data.ChangeFeed;
import cn.lianluo.common.paging.Cursor;
import cn.lianluo.common.paging.CursorPage;
import cn.lianluo.common.paging.Page;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.security.Caller;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.persistence.LedgerRepository;
import cn.lianluo.scoring.persistence.StandingsRepository;
import cn.lianluo.scoring.persistence.StandingsRepository.DeputyYear;
import cn.lianluo.scoring.persistence.StandingsRepository.EntryCount;
import cn.lianluo.scoring.persistence.StandingsRepository.Ranked;
import cn.lianluo.scoring.persistence.StandingsRepository.RankedPage;
import cn.lianluo.scoring.persistence.StandingsRepository.Total;
import cn.lianluo.scoring.service.PointsDtos.Alert;
import cn.lianluo.scoring.service.PointsDtos.AlertKind;
import cn.lianluo.scoring.service.PointsDtos.DeputyLedgerEntry;
import cn.lianluo.scoring.service.PointsDtos.DeputyPoints;
import cn.lianluo.scoring.service.PointsDtos.EntryFigures;
import cn.lianluo.scoring.service.PointsDtos.LedgerEntry;
import cn.lianluo.scoring.service.PointsDtos.LedgerEntryKind;
import cn.lianluo.scoring.service.PointsDtos.Standing;
import cn.lianluo.scoring.service.PointsDtos.Statistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** The read side of 履职积分: a deputy's points and ledger, rankings, the dashboard's figures, the alert list. */
@ApplicationScoped
public class PointsQueries {

    private final StandingsRepository standings;
    private final LedgerRepository entries;
    private final Rules rules;
    private final Ledger ledger;

    public PointsQueries(StandingsRepository standings, LedgerRepository entries, Rules rules, Ledger ledger) {
        this.standings = standings;
        this.entries = entries;
        this.rules = rules;
        this.ledger = ledger;
    }

    /** A deputy's year: total, by type, grade, station entries and the whole ledger. */
    @Transactional
    public DeputyPoints deputy(UUID deputyId, int year, Caller caller) {
        String region = ledger.deputyRegion(deputyId, null);
        PointsAccess.requireMaySee(deputyId, region, caller);
        List<LedgerEntry> ledgerOfYear = entries.ofYear(deputyId, year).stream().map(PointsQueries::entry).toList();
        int total = ledgerOfYear.stream().mapToInt(LedgerEntry::points).sum();
        Map<FactType, Integer> byType = new EnumMap<>(FactType.class);
        ledgerOfYear.stream().filter(e -> e.factType() != null).forEach(e -> byType.merge(e.factType(), e.points(), Integer::sum));
        var effective = rules.effective(RegionCode.of(region), year);
        return new DeputyPoints(deputyId, year, total, byType,
                effective.flatMap(s -> s.rules().grade(total)).orElse(null), standings.stationEntries(deputyId, year),
                effective.map(s -> s.rules().requiredStationEntries()).orElse(0), ledgerOfYear);
    }

    /**
     * The ledger entries of a region written after the cursor, in the order of the transaction that wrote each: an
     * entry is never edited, so each comes once.
     */
    @Transactional
    public CursorPage<DeputyLedgerEntry> ledgerChanges(RegionCode region, Cursor after, int size) {
        return ChangeFeed.page(entries.changedKeys(region, after, size), after, ids -> entries.owned(ids).stream()
                .map(e -> new DeputyLedgerEntry(e.deputyId(), e.year(), e.regionCode(), entry(e.entry()))).toList());
    }

    private static LedgerEntry entry(LedgerRepository.StoredEntry e) {
        return new LedgerEntry(e.id(), e.points(), e.factType(), e.sourceEventId(), e.ruleVersion(), e.reason(), e.at(),
                LedgerEntryKind.valueOf(e.kind().name()), e.occurredOn(), e.reverses(), e.author());
    }

    /** Rankings within a region prefix (and a congress level), the most points first; paged in the database. */
    @Transactional
    public Page<Standing> ranking(RegionCode region, int year, String level, int page, int size) {
        RankedPage ranked = standings.ranking(region, year, level, size, (long) page * size);
        return new Page<>(graded(ranked.rows(), year), ranked.ranked(), page, size);
    }

    /**
     * For the dashboard: active deputies with at least the required station entries this year (the region's rule),
     * for the region and each child region, and the five top deputies.
     */
    @Transactional
    public Statistics statistics(RegionCode region, int year) {
        int required = rules.effective(region, year).map(s -> s.rules().requiredStationEntries()).orElse(4);
        long deputies = 0;
        long with = 0;
        List<EntryFigures> children = new ArrayList<>();
        for (EntryCount c : standings.entryCounts(region, year, required)) {
            deputies += c.deputies();
            with += c.withRequiredEntries();
            if (!region.value().equals(c.regionCode())) {
                children.add(new EntryFigures(c.regionCode(), c.deputies(), c.withRequiredEntries()));
            }
        }
        children.sort(Comparator.comparing(EntryFigures::regionCode));
        return new Statistics(region.value(), year, required, new EntryFigures(region.value(), deputies, with), children,
                top(region, year, 5));
    }

    /**
     * The first {@code limit} of a region's ranking, read down the (year, points) index; ranks are counted here (equal
     * points, equal rank), as the top rows hold every deputy above them. The window of the paged ranking ranks the whole
     * region (0.36 s for a province) to give the same.
     */
    private List<Standing> top(RegionCode region, int year, int limit) {
        List<Total> rows = standings.top(region, year, limit);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Total r = rows.get(i);
            boolean tie = i > 0 && r.total() == rows.get(i - 1).total();
            ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, r.deputyId(), r.name(), r.regionCode(), r.total()));
        }
        return graded(ranked, year);
    }

    /**
     * A page of the deputies falling behind (below the required station entries once the flag date has come, or a low
     * score), by region and name; {@code total} counts them all. The deputies come from a database cursor, so the
     * province's list takes the memory of a page.
     */
    @Transactional
    public Page<Alert> alerts(RegionCode region, int year, LocalDate today, int page, int size) {
        long from = (long) page * size;
        List<Alert> items = new ArrayList<>(size);
        long[] seen = {0};
        eachAlert(region, year, today, a -> {
            if (seen[0] >= from && items.size() < size) {
                items.add(a);
            }
            seen[0]++;
        });
        return new Page<>(items, seen[0], page, size);
    }

    /** Hands each alert of the region to {@code to}, in the order of {@link #alerts}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eachAlert(RegionCode region, int year, LocalDate today, Consumer<Alert> to) {
        var rulesOf = rules.resolver(year);
        // every deputy of the region with their entries and total, in one query (one per deputy took minutes at province scale)
        try (Stream<DeputyYear> deputies = standings.activeDeputies(region, year)) {
            deputies.forEach(d -> {
                var effective = rulesOf.apply(RegionCode.of(d.regionCode()));
                if (effective.isEmpty()) {
                    return;
                }
                var r = effective.get().rules();
                if (r.flagDate() == null || today.isBefore(r.flagDate())) {
                    return;
                }
                long entriesOfYear = d.stationEntries();
                if (entriesOfYear < r.requiredStationEntries()) {
                    to.accept(new Alert(d.deputyId(), d.name(), d.regionCode(), AlertKind.STATION_ENTRIES,
                            "进站 " + entriesOfYear + " 次,少于每年 " + r.requiredStationEntries() + " 次", null));
                }
                int total = d.total();
                if (r.lowScore() > 0 && total < r.lowScore()) {
                    to.accept(new Alert(d.deputyId(), d.name(), d.regionCode(), AlertKind.LOW_SCORE,
                            "积分 " + total + " 分,低于 " + r.lowScore() + " 分(约谈)", null));
                }
            });
        }
    }

    /** The ranked table of a region; {@code until} limits it to facts up to that day (a quarter's table). */
    public List<Standing> table(RegionCode region, int year, String level, LocalDate until) {
        if (until == null) {
            return graded(standings.ranking(region, year, level, Integer.MAX_VALUE, 0).rows(), year);
        }
        return graded(standings.tableUntil(region, year, level, until), year);
    }

    /**
     * Writes the region's table of a year to {@code table}, header first, row by row as the database's cursor gives
     * them: the province's table in the memory of a few hundred rows. Answers the rows written, the header not counted.
     */
    @Transactional
    public long export(RegionCode region, int year, TableWriter table) {
        var rulesOf = rules.resolver(year);
        table.row(TableFiles.HEADER);
        try (Stream<Ranked> rows = standings.ranking(region, year)) {
            rows.forEach(r -> TableFiles.row(table, graded(r, rulesOf)));
        }
        return table.rows() - 1;
    }

    /** Ranked rows as standings, each with its grade under its region's rules. */
    private List<Standing> graded(List<Ranked> rows, int year) {
        var rulesOf = rules.resolver(year);
        return rows.stream().map(r -> graded(r, rulesOf)).toList();
    }

    private static Standing graded(Ranked r, Function<RegionCode, Optional<Rules.Stored>> rulesOf) {
        return new Standing(r.rank(), r.deputyId(), r.name(), r.regionCode(), r.total(),
                rulesOf.apply(RegionCode.of(r.regionCode())).flatMap(s -> s.rules().grade(r.total())).orElse(null));
    }
}
