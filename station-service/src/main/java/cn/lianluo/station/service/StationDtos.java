package cn.lianluo.station.service;

import cn.lianluo.common.geo.ChinaExtent;
import cn.lianluo.common.region.RegionLevel;
import cn.lianluo.station.domain.ActivityKind;
import cn.lianluo.station.domain.FiveIntoTarget;
import cn.lianluo.station.domain.HolidayPolicy;
import cn.lianluo.station.domain.Satisfaction;
import cn.lianluo.station.domain.StandardItem;
import cn.lianluo.station.domain.StationFeature;
import cn.lianluo.station.domain.StationType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response models of station-service's API (never the entities). */
public final class StationDtos {

    private StationDtos() {
    }

    public enum ScheduleKind { MONTHLY_DAYS, WEEKLY, EVERY_N_DAYS, DATES }

    public record StationRequest(
            @NotNull StationType type,
            @NotBlank @Size(max = 100) String name,
            @NotBlank String regionCode,
            @Size(max = 300) String address,
            @DecimalMin(ChinaExtent.MIN_LAT) @DecimalMax(ChinaExtent.MAX_LAT)
            @Schema(nullable = true, description = "GCJ-02 latitude, as 高德 or 腾讯 maps give it (not a GPS's WGS-84); "
                    + "with longitude or not at all; within China") BigDecimal latitude,
            @DecimalMin(ChinaExtent.MIN_LNG) @DecimalMax(ChinaExtent.MAX_LNG)
            @Schema(nullable = true, description = "GCJ-02 longitude, with latitude") BigDecimal longitude,
            @Size(max = 50) String contactPerson,
            @Pattern(regexp = "^[0-9+\\- ]{5,20}$", message = "a phone number: 5 to 20 digits, spaces, + or -")
            String contactPhone,
            @Size(max = 5000) String notice,
            UUID parentStationId,
            @Size(max = 20) List<@NotNull StationFeature> features,
            @Size(max = 10) List<@Valid @NotNull Schedule> schedules,
            @Size(max = 50) List<@Valid @NotNull RuleDocument> rules) {
    }

    /** A reception schedule (接待日): the fields its {@code kind} needs. */
    public record Schedule(
            @Size(max = 50) String label,
            @NotNull ScheduleKind kind,
            @Size(max = 31) List<@NotNull Integer> daysOfMonth,
            @Size(max = 7) List<@NotNull DayOfWeek> weekdays,
            LocalDate startDate,
            Integer everyDays,
            @Size(max = 366) List<@NotNull LocalDate> dates,
            HolidayPolicy holidayPolicy,
            @Size(max = 50) String hours) {
    }

    public record RuleDocument(@NotBlank @Size(max = 100) String title,
                               @Schema(nullable = true) @Size(max = 20000) String content) {
    }

    public record StandardRequest(@NotEmpty @Size(max = 6) List<@Valid @NotNull StandardItemInput> items) {
    }

    public record StandardItemInput(@NotNull StandardItem item, @NotNull Boolean met, @Size(max = 1000) String evidence) {
    }

    public record ReceptionRequest(
            @NotNull LocalDate date,
            @NotEmpty @Size(max = 100) List<@NotNull UUID> deputyIds,
            @NotNull @PositiveOrZero @Max(100000) Integer visitors,
            @PositiveOrZero @Max(100000) Integer casesReceived,
            @Size(max = 5000) String note) {
    }

    public record ActivityRequest(
            @NotNull ActivityKind kind,
            FiveIntoTarget fiveIntoTarget,
            @NotBlank @Size(max = 200) String title,
            String regionCode,
            UUID stationId,
            @NotNull LocalDate date,
            @Size(max = 200) String place,
            @NotEmpty @Size(max = 500) List<@NotNull UUID> participantDeputyIds,
            @Size(max = 5000) String note,
            @Schema(description = "REPORT (述职评议) only, and required there: the deputy who reports; counted among the "
                    + "participants") UUID reportingDeputyId,
            @Schema(description = "REPORT only: the voters present") @PositiveOrZero @Max(100000) Integer votersPresent) {
    }

    /** A voter's assessment of a report (述职评议): once per phone and report. */
    public record AssessmentRequest(
            @NotNull Satisfaction satisfaction,
            @NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE)
            @Schema(description = "the voter's phone: only a keyed hash of it is kept, to allow one assessment per phone")
            String phone) {
    }

    /** A mainland mobile number or a landline with its area code, as a case's citizen gives it. */
    static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    static final String PHONE_MESSAGE = "a mainland mobile number (11 digits from 13 to 19) or a landline with its area "
            + "code (0743-1234567)";

    /** A station feature with the name a person reads. */
    @Schema(name = "StationFeatureLabel")
    public record Labelled(StationFeature code, String name) {
    }

    public record StandardItemView(StandardItem item, String name, boolean met,
                                   @Schema(nullable = true) String evidence) {
    }

    @Schema(description = "A file that proves a 六有 item (佐证材料): a photo or a PDF.")
    public record EvidenceFile(UUID id, StandardItem item,
                               @Schema(description = "the sender's file name, sanitized (no folders, no control "
                                       + "characters, at most 100 characters, an extension that fits the type)") String name,
                               @Schema(description = "the type the file's first bytes show", enumeration = {"image/jpeg",
                                       "image/png", "image/webp", "image/heic", "application/pdf"}) String contentType,
                               @Schema(description = "bytes") long size,
                               OffsetDateTime uploadedAt,
                               @Schema(description = "the uploader's name as their account gives it") String uploadedBy) {
    }

    public record StandardView(boolean met, int metCount,
                               @Schema(nullable = true, description = "null until the station's first 六有 assessment")
                               OffsetDateTime assessedAt,
                               List<StandardItemView> items) {
    }

    public record ScheduleView(@Schema(nullable = true) String label, ScheduleKind kind,
                               @Schema(nullable = true, description = "MONTHLY_DAYS only") List<Integer> daysOfMonth,
                               @Schema(nullable = true, description = "WEEKLY only") List<DayOfWeek> weekdays,
                               @Schema(nullable = true, description = "EVERY_N_DAYS only") LocalDate startDate,
                               @Schema(nullable = true, description = "EVERY_N_DAYS only") Integer everyDays,
                               @Schema(nullable = true, description = "DATES only") List<LocalDate> dates,
                               HolidayPolicy holidayPolicy, String holidayPolicyName,
                               @Schema(nullable = true) String hours) {
    }

    public record StationView(UUID id, StationType type, String typeName, String name, String regionCode,
                              @Schema(nullable = true) String regionName, @Schema(nullable = true) String address,
                              @Schema(nullable = true, description = "GCJ-02 degrees (高德/腾讯 maps)") BigDecimal latitude,
                              @Schema(nullable = true, description = "GCJ-02 degrees (高德/腾讯 maps)") BigDecimal longitude,
                              @Schema(nullable = true) String contactPerson, @Schema(nullable = true) String contactPhone,
                              @Schema(nullable = true) String notice, @Schema(nullable = true) UUID parentStationId,
                              List<Labelled> features, List<ScheduleView> schedules,
                              List<ReceptionDay> nextReceptionDays, List<RuleDocument> rules, StandardView standard,
                              int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** One coming reception day as the API answers it (hours only when its schedule sets them). */
    public record ReceptionDay(LocalDate date, String label, @Schema(nullable = true) String hours, boolean moved) {

        public static ReceptionDay of(cn.lianluo.station.domain.ReceptionDay day) {
            return new ReceptionDay(day.date(), day.label(), day.hours(), day.moved());
        }
    }

    public record StationSummary(UUID id, StationType type, String typeName, String name, String regionCode,
                                 @Schema(nullable = true) String address,
                                 @Schema(nullable = true, description = "GCJ-02 degrees (高德/腾讯 maps)") BigDecimal latitude,
                                 @Schema(nullable = true, description = "GCJ-02 degrees (高德/腾讯 maps)") BigDecimal longitude,
                                 @Schema(nullable = true) UUID parentStationId,
                                 boolean standardMet, List<ReceptionDay> nextReceptionDays,
                                 @Schema(nullable = true, description = "great-circle distance from `near` (taken into "
                                         + "GCJ-02), in metres; "
                                         + "null without `near` or for a station without coordinates")
                                 Long distanceMeters) {
    }

    public record RegionChild(String code, String name, RegionLevel level) {
    }

    @Schema(description = "What a region import did: the smallest region holding the file's rows, and how many of its "
            + "regions were added, renamed or already there as given.")
    public record RegionImportResult(@Schema(description = "the smallest region holding every row of the file") String regionCode,
                                     int rows, int added, int renamed, int unchanged) {
    }

    public record RegionView(String code,
                             @Schema(description = "the code as official documents write it: 43 → 430000, a township or village in full") String official,
                             String name, RegionLevel level, String levelName,
                             @Schema(nullable = true, description = "null for the province") String parentCode,
                             List<RegionChild> children) {
    }

    public record ReceptionView(UUID id, UUID stationId, String regionCode, LocalDate date, List<UUID> deputyIds,
                                int visitors, int casesReceived, @Schema(nullable = true) String note,
                                OffsetDateTime recordedAt) {
    }

    public record ActivityView(UUID id, ActivityKind kind, String kindName,
                               @Schema(nullable = true, description = "FIVE_INTO only") FiveIntoTarget fiveIntoTarget,
                               String title, String regionCode, @Schema(nullable = true) UUID stationId, LocalDate date,
                               @Schema(nullable = true) String place, List<UUID> participantDeputyIds,
                               @Schema(nullable = true) String note, OffsetDateTime recordedAt,
                               @Schema(nullable = true, description = "REPORT only: the deputy who reported") UUID reportingDeputyId,
                               @Schema(nullable = true, description = "REPORT only: the voters present") Integer votersPresent,
                               @Schema(nullable = true, description = "REPORT only: the code voters assess it with on the H5 "
                                       + "(POST /api/v1/activities/by-code/{code}/assessments), without signing in")
                               String assessmentCode) {
    }

    /** 述职评议: a deputy's report and how the voters assessed it. */
    public record ReportView(UUID activityId, String title, LocalDate date, String regionCode,
                             @Schema(nullable = true) UUID stationId, UUID reportingDeputyId,
                             @Schema(nullable = true) Integer votersPresent,
                             @Schema(description = "满意") int satisfied,
                             @Schema(description = "基本满意") int basicallySatisfied,
                             @Schema(description = "不满意") int unsatisfied,
                             @Schema(description = "all assessments") int assessed,
                             @Schema(nullable = true, description = "(满意 + 基本满意) / assessed, four places; null before any")
                             Double satisfactionRate) {
    }

    /** 述职评议: a deputy's reports of a year (a part of the deputy's dossier, 一人一档). */
    public record DeputyReports(UUID deputyId, int year, List<ReportView> items) {
    }

    /** What a voter reads on the H5 before assessing: the report, without anyone's personal data. */
    public record ReportSummary(String title, LocalDate date, String regionCode, @Schema(nullable = true) UUID stationId,
                                UUID reportingDeputyId, String kindName) {
    }
}
