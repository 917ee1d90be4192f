package cn.lianluo.scoring.service;

import cn.lianluo.scoring.domain.FactType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The use cases' inputs and outputs of 履职积分, which the REST API shows as they are (the resource's own request and
 * answer records are in {@code rest.PointsResource}). The schema names of the public contract are given where a
 * record's own name would not say it is about points (the four services' schemas share one namespace).
 */
public final class PointsDtos {

    private PointsDtos() {
    }

    /** What a ledger entry is: a rule's award, its reversal when a rule version is published, a correction, a granted appeal. */
    @Schema(name = "LedgerEntryKind", description = "AWARD (a rule's points for a fact), REVERSAL (an award undone when a "
            + "new rule version is published), CORRECTION (更正 by staff), APPEAL (a granted appeal 申诉成立)")
    public enum LedgerEntryKind { AWARD, REVERSAL, CORRECTION, APPEAL }

    /** Where an appeal stands: open until a supervisor grants or denies it, once. */
    @Schema(name = "AppealStatus", description = "OPEN (awaiting a decision), GRANTED (申诉成立), DENIED (申诉驳回)")
    public enum AppealStatus { OPEN, GRANTED, DENIED }

    /** Why a deputy is on the alert list. */
    @Schema(name = "PointsAlertKind", description = "STATION_ENTRIES (进站不足: fewer station entries than the rule set "
            + "requires, from its flag date), LOW_SCORE (积分偏低: a total below the rule set's low score, 约谈)")
    public enum AlertKind { STATION_ENTRIES, LOW_SCORE }

    /** A cap's period: the month, quarter or year a fact falls in (the domain's {@code RuleSet.Period}). */
    @Schema(name = "CapPeriod")
    public enum CapPeriod { MONTH, QUARTER, YEAR }

    /** A cap as a rule set's body gives it (the domain's {@code RuleSet.Cap}, which refuses a negative one too). */
    @Schema(name = "PointsCap", description = "at most max points of a fact type in each month, quarter or year")
    public record Cap(CapPeriod period, @Schema(minimum = "0") int max) {
        public Cap {
            if (max < 0) {
                throw new IllegalArgumentException("a cap is not negative");
            }
        }
    }

    /** A grade band as a rule set's body gives it (the domain's {@code RuleSet.GradeBand}). */
    @Schema(name = "GradeBand", description = "a grade (等次) and the least total that reaches it")
    public record GradeBand(String name, int minPoints) {
    }

    /** A rule set as a region publishes it (the body of a version). */
    @Schema(name = "RuleSetBody", description = "A rule set as a region publishes it (积分规则): points per fact type, caps, "
            + "grade bands, the station entries owed a year, the flag date and the low score.")
    public record RuleSetBody(
            @Schema(description = "points per fact type (keys: FactType), -100 to 100; negative for a deduction",
                    propertyNames = FactType.class)
            @NotNull Map<FactType, @NotNull @Min(-100) @Max(100) Integer> points,
            @Schema(nullable = true, description = "a cap on the points of a fact type per month, quarter or year "
                    + "(keys: FactType)", propertyNames = FactType.class)
            Map<FactType, @Valid Cap> caps,
            @Schema(nullable = true, description = "grade bands (等次), at most 10: a total gets the highest band it reaches")
            @Size(max = 10) List<GradeBand> grades,
            @Schema(description = "the station entries (进站) a deputy owes a year")
            @NotNull @Min(0) @Max(100) Integer requiredStationEntries,
            @Schema(nullable = true, description = "from this day of the year a shortfall of station entries is an alert; "
                    + "none: no alerts")
            LocalDate flagDate,
            @Schema(nullable = true, description = "a total below it is a LOW_SCORE alert (约谈); none or 0: no such alert")
            @Min(0) Integer lowScore,
            @Schema(nullable = true) @Size(max = 500) String note) {
    }

    @Schema(name = "RuleSetView", description = "The rule set that applies to a region in a year: its own, or inherited "
            + "from an ancestor (inheritedFrom), or an earlier year's kept (沿用, said in the note).")
    public record RuleSetView(
            @Schema(description = "the region asked for (行政区划代码)") String regionCode,
            @Schema(nullable = true, description = "the ancestor region whose rule set applies; null when the region's own")
            String inheritedFrom,
            int year, int version, RuleSetBody rules, Instant publishedAt) {
    }

    @Schema(name = "PublishedRuleSet", description = "The version just published and how many deputies' years were scored again.")
    public record Published(RuleSetView ruleSet,
                            @Schema(description = "deputies whose year was recomputed, once a year (later years that keep "
                                    + "this rule set included)") int deputiesRecomputed) {
    }

    @Schema(name = "LedgerEntry", description = "An entry of the append-only ledger (台账); never edited, corrected by a "
            + "reversing entry.")
    public record LedgerEntry(UUID id, int points,
                              @Schema(nullable = true, description = "the fact type; null for a correction that names none")
                              FactType factType,
                              @Schema(nullable = true, description = "the event the fact came from; null for corrections and appeals")
                              UUID sourceEventId,
                              @Schema(nullable = true, description = "the rule version that scored it; null for corrections and appeals")
                              Integer ruleVersion,
                              String reason, Instant at,
                              LedgerEntryKind kind,
                              @Schema(nullable = true, description = "the day of the fact; null for corrections and appeals")
                              LocalDate occurredOn,
                              @Schema(nullable = true, description = "the entry this one reverses") UUID reverses,
                              @Schema(description = "who wrote it: 'rules', or the subject of the person") String author) {
    }

    @Schema(name = "DeputyLedgerEntry", description = "A ledger entry with whose it is: the deputy, the year it counts in "
            + "and the deputy's region.")
    public record DeputyLedgerEntry(UUID deputyId, int year, String regionCode, LedgerEntry entry) {
    }

    @Schema(name = "DeputyPoints", description = "A deputy's year (履职积分): total, by fact type, grade, station entries and "
            + "the whole ledger.")
    public record DeputyPoints(UUID deputyId, int year, int total,
                               @Schema(description = "points per fact type (keys: FactType)", propertyNames = FactType.class)
                               Map<FactType, Integer> byType,
                               @Schema(nullable = true, description = "the grade band (等次) reached; null without a rule set or band")
                               String grade,
                               long stationEntries,
                               @Schema(description = "the station entries owed this year (0 without a rule set)")
                               int requiredStationEntries,
                               List<LedgerEntry> ledger) {
    }

    @Schema(name = "PointsStanding", description = "A row of a points table (积分排名): equal totals, equal rank.")
    public record Standing(@Schema(minimum = "1") int rank, UUID deputyId,
                           @Schema(description = "the deputy's name; empty when scoring does not know the deputy yet") String name,
                           String regionCode, int total,
                           @Schema(nullable = true, description = "the grade band (等次) reached; null without a rule set or band")
                           String grade) {
    }

    @Schema(name = "PointsAlert", description = "A deputy falling behind (预警): 进站不足 or 积分偏低.")
    public record Alert(UUID deputyId, String name, String regionCode,
                        AlertKind kind,
                        @Schema(description = "what is short, in words") String detail,
                        @Schema(nullable = true, description = "not set in this list (always null)") Instant raisedAt) {
    }

    @Schema(name = "PointsAppealRequest", description = "A deputy's appeal (积分申诉): an own ledger entry contested "
            + "(entryId), or a missing fact asked for (factType and points).")
    public record AppealRequest(@NotNull Integer year,
                                @Schema(description = "the contested entry of the caller's ledger") UUID entryId,
                                @Schema(description = "the missing fact's type (without entryId)") FactType factType,
                                @Schema(description = "the missing fact's points (without entryId)")
                                @Min(-100) @Max(100) Integer points,
                                @NotBlank @Size(max = 2000) String reason,
                                @Schema(description = "the caller's own deputy id, if given (another deputy's is 403)")
                                UUID deputyId) {
    }

    @Schema(name = "AppealDecision", description = "A supervisor's note on a decision; on a granted appeal for a missing "
            + "fact, the points to add instead of those asked for.")
    public record Decision(@Size(max = 2000) String note, @Min(-100) @Max(100) Integer points) {
    }

    @Schema(name = "PointsAppeal", description = "An appeal (积分申诉) and its decision.")
    public record AppealView(UUID id, UUID deputyId, int year,
                             @Schema(nullable = true, description = "the contested entry; null when a missing fact is asked for")
                             UUID entryId,
                             @Schema(nullable = true, description = "the missing fact's type") FactType factType,
                             @Schema(nullable = true, description = "the missing fact's points") Integer points,
                             String reason,
                             AppealStatus status,
                             @Schema(nullable = true) String decisionNote,
                             Instant createdAt,
                             @Schema(nullable = true, description = "null while OPEN") Instant decidedAt) {
    }

    @Schema(name = "PointsCorrection", description = "A correction (更正): a new entry of the given points, or, naming "
            + "reverses, the reversal of that entry (its points are then taken from it).")
    public record Correction(@NotNull UUID deputyId, @NotNull Integer year, @NotNull @Min(-100) @Max(100) Integer points,
                             @Schema(description = "the entry of the same deputy to reverse") UUID reverses,
                             @NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "PointsSnapshot", description = "A published quarterly table (公示表), frozen once published: facts up "
            + "to the quarter's last day.")
    public record Snapshot(String regionCode, int year, @Schema(minimum = "1", maximum = "4") int quarter,
                           Instant publishedAt, List<Standing> rows) {
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
}
