package cn.lianluo.deputy.service;

import cn.lianluo.deputy.domain.DeputyLevel;
import cn.lianluo.deputy.domain.Gender;
import cn.lianluo.deputy.domain.GroupKind;
import cn.lianluo.deputy.domain.MandateStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response models of deputy-service's API (never the entities). */
public final class DeputyDtos {

    public static final String PHONE = "^[0-9+\\- ]{5,20}$";
    public static final String PHONE_MESSAGE = "a phone number: 5 to 20 digits, spaces, + or -";

    private DeputyDtos() {
    }

    public record DeputyRequest(
            @NotBlank @Size(max = 50) String name,
            @NotNull Gender gender,
            @NotBlank @Size(max = 20) String ethnicity,
            @NotNull @Min(1900) @Max(2010) Integer birthYear,
            @Size(max = 30) String party,
            @Size(max = 50) String occupationSector,
            @Size(max = 100) String electoralUnit,
            @NotBlank String regionCode,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @NotEmpty @Size(max = 5) List<@Valid @NotNull MandateInput> mandates,
            UUID homeStationId) {
    }

    public record MandateInput(@NotNull DeputyLevel level, @NotNull @Min(1) @Max(99) Integer term,
                               @NotNull LocalDate termStart, LocalDate termEnd) {
    }

    public record ProfileUpdate(
            @NotBlank @Size(max = 50) String name,
            @NotNull Gender gender,
            @NotBlank @Size(max = 20) String ethnicity,
            @NotNull @Min(1900) @Max(2010) Integer birthYear,
            @Size(max = 30) String party,
            @Size(max = 50) String occupationSector,
            @Size(max = 100) String electoralUnit,
            @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    /** What a deputy may change of their own record. */
    public record ContactUpdate(@NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
    }

    public record EndMandate(@NotNull MandateStatus status, @NotNull LocalDate date, @Size(max = 500) String reason) {
    }

    @Schema(name = "DeputyStationRef", description = "A station (known to deputy-service from station.events) 联络站")
    public record StationRef(@NotNull UUID stationId) {
    }

    public record GroupRequest(@NotNull GroupKind kind, @NotBlank @Size(max = 100) String name,
                               @Size(max = 200) String theme, @NotBlank String regionCode) {
    }

    @Schema(name = "GroupMemberRequest", description = "Either a deputy of the group's region or an expert (in a 代表+专家 team)")
    public record MemberRequest(UUID deputyId, @Valid Expert expert) {
    }

    @Schema(name = "GroupExpert", description = "An expert who is not a deputy 专家")
    public record Expert(@NotBlank @Size(max = 50) String name, @Schema(nullable = true) @Size(max = 100) String field,
                         @Schema(nullable = true) @Size(max = 100) String organisation) {
    }

    public record MandateView(UUID id, DeputyLevel level, String levelName, int term, LocalDate termStart,
                              @Schema(nullable = true) LocalDate termEnd, MandateStatus status, String statusName,
                              @Schema(nullable = true) LocalDate endedOn, @Schema(nullable = true) String endReason) {
    }

    /** A station assignment; the station's name and region are null while station.events has not brought it. */
    public record AssignmentView(UUID id, UUID stationId, @Schema(nullable = true) String stationName,
                                 @Schema(nullable = true) String stationRegionCode, boolean home, LocalDate from,
                                 @Schema(nullable = true) LocalDate until) {
    }

    public record DeputyView(UUID id, String name, Gender gender, String genderName, String ethnicity, int birthYear,
                             @Schema(nullable = true) String party, @Schema(nullable = true) String occupationSector,
                             @Schema(nullable = true) String electoralUnit, String regionCode,
                             @Schema(nullable = true) String phone, boolean active, List<MandateView> mandates,
                             @Schema(nullable = true) UUID homeStationId, List<AssignmentView> stations, int version,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** A row of a list: the phone is always masked. */
    public record DeputySummary(UUID id, String name, Gender gender, String ethnicity, String regionCode,
                                @Schema(nullable = true, description = "masked: 139****5678") String phone,
                                boolean active, List<DeputyLevel> levels, @Schema(nullable = true) UUID homeStationId) {
    }

    /** A congress level with the name a person reads (乡(镇)人大代表). */
    @Schema(name = "DeputyLevelName")
    public record LevelName(DeputyLevel level, String levelName) {
    }

    /**
     * A deputy on a station's public roster: only what is public about a people's deputy (name, gender, the congresses
     * they sit in); never a phone, birth year, electoral unit or address.
     */
    @Schema(name = "RosterDeputy")
    public record RosterDeputy(UUID id, String name, Gender gender, String genderName,
                               @Schema(description = "the levels of their active mandates, the highest first")
                               List<LevelName> levels,
                               @Schema(description = "true: this is their home station (进站); false: a further station they sit in")
                               boolean home) {
    }

    /** What {@code POST /deputies/republish} sent again. */
    @Schema(name = "DeputiesRepublished")
    public record Republished(String regionCode, int deputies, int assignments) {
    }

    @Schema(name = "DeputyCoverage")
    public record Coverage(String regionCode, long activeDeputies, long assigned,
                           @Schema(description = "assigned / activeDeputies, 0 to 1 (4 decimals); 0 without deputies")
                           double shareAssigned) {
    }

    /** A member: a deputy (deputyId, deputyName) or an expert; leftOn once they left. */
    @Schema(name = "GroupMemberView")
    public record MemberView(UUID id, @Schema(nullable = true) UUID deputyId, @Schema(nullable = true) String deputyName,
                             @Schema(nullable = true) Expert expert, LocalDate joinedOn,
                             @Schema(nullable = true) LocalDate leftOn) {
    }

    public record GroupView(UUID id, GroupKind kind, String kindName, String name, @Schema(nullable = true) String theme,
                            String regionCode, List<MemberView> members) {
    }

    public record GroupMembership(UUID groupId, String name, GroupKind kind, String kindName, LocalDate joinedOn,
                                  @Schema(nullable = true) LocalDate leftOn) {
    }

    /** What deputy-service gives the gateway for 一人一档: profile, mandates, assignment history, groups. */
    public record Dossier(DeputyView profile, List<MandateView> mandates, List<AssignmentView> assignments,
                          List<GroupMembership> groups) {
    }

    @Schema(name = "DeputyImportResult")
    public record ImportResult(int rows, int deputiesCreated, int mandatesAdded, int stationsAssigned) {
    }
}
