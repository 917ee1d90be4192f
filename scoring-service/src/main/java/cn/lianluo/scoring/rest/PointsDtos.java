package cn.lianluo.scoring.rest;

import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.domain.RuleSet;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response models of 履职积分. */
public final class PointsDtos {

    private PointsDtos() {
    }

    /** A rule set as a region publishes it (the body of a version). */
    public record RuleSetBody(@NotNull Map<FactType, @NotNull @Min(-100) @Max(100) Integer> points,
                              Map<FactType, RuleSet.@Valid Cap> caps, @Size(max = 10) List<RuleSet.GradeBand> grades,
                              @NotNull @Min(0) @Max(100) Integer requiredStationEntries, LocalDate flagDate,
                              @Min(0) Integer lowScore, @Size(max = 500) String note) {
    }

    public record RuleSetView(String regionCode, String inheritedFrom, int year, int version, RuleSetBody rules,
                              Instant publishedAt) {
    }

    public record Published(RuleSetView ruleSet, int deputiesRecomputed) {
    }

    public record LedgerEntry(UUID id, int points, FactType factType, UUID sourceEventId, Integer ruleVersion,
                              String reason, Instant at, String kind, LocalDate occurredOn, UUID reverses, String author) {
    }

    public record DeputyPoints(UUID deputyId, int year, int total, Map<FactType, Integer> byType, String grade,
                               long stationEntries, int requiredStationEntries, List<LedgerEntry> ledger) {
    }

    public record Standing(int rank, UUID deputyId, String name, String regionCode, int total, String grade) {
    }

    public record Alert(UUID deputyId, String name, String regionCode, String kind, String detail, Instant raisedAt) {
    }

    public record AppealRequest(@NotNull Integer year, UUID entryId, FactType factType, @Min(-100) @Max(100) Integer points,
                                @NotBlank @Size(max = 2000) String reason, UUID deputyId) {
    }

    public record Decision(@Size(max = 2000) String note, @Min(-100) @Max(100) Integer points) {
    }

    public record AppealView(UUID id, UUID deputyId, int year, UUID entryId, FactType factType, Integer points,
                             String reason, String status, String decisionNote, Instant createdAt, Instant decidedAt) {
    }

    public record Correction(@NotNull UUID deputyId, @NotNull Integer year, @NotNull @Min(-100) @Max(100) Integer points,
                             UUID reverses, @NotBlank @Size(max = 2000) String reason) {
    }

    public record SnapshotRequest(@NotBlank String region, @NotNull Integer year, @NotNull @Min(1) @Max(4) Integer quarter) {
    }

    public record Snapshot(String regionCode, int year, int quarter, Instant publishedAt, List<Standing> rows) {
    }
}
