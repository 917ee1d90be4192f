package cn.lianluo.cases.livelihood.service;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.service.CaseDtos;
import cn.lianluo.cases.livelihood.domain.ProjectStatus;
import cn.lianluo.cases.livelihood.domain.VoteChoice;
import cn.lianluo.cases.moderation.domain.ModerationState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response models of livelihood projects (民生实事项目票决制). */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    /** 群众点题: a citizen (name and phone), or staff and deputies from cases. */
    @Schema(name = "ProjectRequest")
    public record ProjectRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
                                 @NotBlank String regionCode, @NotNull @Min(2020) @Max(2100) Integer year,
                                 @Valid @Schema(description = "required without a token") CaseDtos.Citizen citizen,
                                 @Size(max = 100) @Schema(description = "cases of the region it grows from") List<@NotNull UUID> caseIds) {
    }

    @Schema(name = "ProjectShortlist", description = "The vote of the region, year and level the project is shortlisted into.")
    public record Shortlist(@NotNull cn.lianluo.cases.livelihood.domain.CongressLevel level, @NotNull @Min(1) @Max(50) Integer places,
                            @NotNull Instant opensAt, @NotNull Instant closesAt) {
    }

    @Schema(name = "ProjectVote")
    public record Vote(@NotNull VoteChoice choice) {
    }

    @Schema(name = "ProjectProgress")
    public record Progress(@NotNull @Min(0) @Max(100) @Schema(description = "100 completes the project") Integer percent,
                           @Size(max = 200) String milestone, @Size(max = 2000) String note,
                           @Size(max = 500) @Schema(description = "required when the percent goes backwards") String reason) {
    }

    @Schema(name = "ProjectSupervision")
    public record Supervision(@NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "ProjectEvaluation")
    public record Evaluation(@NotNull Satisfaction satisfaction, @Size(max = 500) String comment,
                             @Pattern(regexp = CaseDtos.PHONE, message = CaseDtos.PHONE_MESSAGE)
                             @Schema(description = "a citizen's phone (once per phone); a deputy's token instead") String phone) {
    }

    @Schema(name = "ProjectRecord", description = "A progress report 政府解题 or a deputy's supervision 全过程监督.")
    public record RecordView(@Schema(enumeration = {"PROGRESS", "SUPERVISION"}) String kind,
                             @Schema(nullable = true, description = "percent, on a progress report") Integer progress,
                             @Schema(nullable = true) String milestone, @Schema(nullable = true) String note,
                             @Schema(nullable = true, description = "the supervising deputy") UUID deputyId, Instant at) {
    }

    @Schema(name = "ProjectView", description = "A livelihood project 民生实事项目.")
    public record ProjectView(UUID id, String regionCode, int year, String title, String description,
                              @Schema(enumeration = {"CITIZEN", "DEPUTY_OR_STAFF", "CASES"},
                                      description = "who proposed it: a citizen, staff or a deputy, or from cases") String source,
                              ProjectStatus status, String statusName,
                              @Schema(nullable = true, description = "the vote it is shortlisted into") UUID sessionId,
                              @Schema(nullable = true, description = "null until tallied") Integer votesFor,
                              @Schema(nullable = true) Integer votesAgainst, @Schema(nullable = true) Integer votesAbstain,
                              @Schema(description = "percent") int progress, List<UUID> caseIds,
                              @Schema(description = "oldest first") List<RecordView> records, long evaluations,
                              @Schema(nullable = true, description = "null without evaluations") Double satisfactionRate,
                              Instant proposedAt, @Schema(nullable = true) Instant completedAt,
                              @Schema(description = "内容审核: the public sees APPROVED projects only; staff in scope see "
                                      + "every project with its state") ModerationState moderation, String moderationName) {
    }

    @Schema(name = "ProjectEvaluationView", description = "An evaluation 群众评效果: the rating counts at once, the comment "
            + "is shown once approved in moderation (to staff in scope always).")
    public record EvaluationView(UUID id, @Schema(enumeration = {"CITIZEN", "DEPUTY"}) String by, Satisfaction satisfaction,
                                 @Schema(nullable = true, description = "null without a comment, or while it is not approved")
                                 String comment, ModerationState moderation, String moderationName, Instant at) {
    }

    @Schema(name = "ProjectTally", description = "The counted vote: its electorate, turnout, thresholds and every project of it.")
    public record TallyView(UUID sessionId, int electorate, int voters, int quorum, int majority, int places,
                            List<ProjectView> projects) {
    }
}
