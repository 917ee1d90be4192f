package cn.lianluo.cases.livelihood.service;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.service.CaseDtos;
import cn.lianluo.cases.livelihood.domain.EvaluationSource;
import cn.lianluo.cases.livelihood.domain.ProjectStatus;
import cn.lianluo.cases.livelihood.domain.SupervisionKind;
import cn.lianluo.cases.livelihood.domain.VoteChoice;
import cn.lianluo.cases.moderation.domain.ModerationState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
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

    @Schema(name = "ProjectSupervision", description = "三督: what the deputy looked at, and what they found.")
    public record Supervision(@NotNull @Schema(required = true) SupervisionKind kind, @NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "ProjectEvaluation")
    public record Evaluation(@NotNull Satisfaction satisfaction, @Size(max = 500) String comment,
                             @Pattern(regexp = CaseDtos.PHONE, message = CaseDtos.PHONE_MESSAGE)
                             @Schema(description = "群众评: a citizen's phone (once per phone). Without it a DEPUTY's token is "
                                     + "代表评, and a token of staff or a handling unit in scope is 部门自评 (once per project)")
                             String phone) {
    }

    @Schema(name = "ProjectImplementation", description = "政府解题's plan: the responsible unit (承办单位) and the budget (预算).")
    public record Implementation(@NotNull @Schema(required = true, description = "a unit that answers for the project's region")
                                 UUID unitId,
                                 @NotNull @PositiveOrZero @Max(MAX_FEN) @Schema(required = true, description = "预算 in fen (分)")
                                 Long budgetFen) {
    }

    @Schema(name = "ProjectSpending", description = "支出: what the responsible unit paid, when, and for what.")
    public record Spending(@NotNull @Positive @Max(MAX_FEN) @Schema(required = true, description = "in fen (分)") Long amountFen,
                           @NotNull @Schema(required = true) LocalDate spentOn, @Size(max = 500) String note) {
    }

    @Schema(name = "ProjectMilestone", description = "A milestone (节点) planned for a date.")
    public record Milestone(@NotBlank @Size(max = 200) String title, @NotNull @Schema(required = true) LocalDate plannedOn) {
    }

    @Schema(name = "ProjectMilestoneDone", description = "A milestone reached: when, and its photos (uploads, POST /api/v1/files).")
    public record MilestoneDone(@NotNull @Schema(required = true) LocalDate doneOn, @Size(max = 500) String note,
                                @Size(max = 20) @Schema(description = "ids of files uploaded by the same account (or without a token) "
                                        + "and taken by nothing yet") List<@NotNull UUID> photoIds) {
    }

    /** 1 万亿 yuan in fen: far above any project, well inside a JavaScript number. */
    static final long MAX_FEN = 100_000_000_000_000L;

    @Schema(name = "ProjectSpendingView")
    public record SpendingView(UUID id, @Schema(description = "in fen (分)") long amountFen, LocalDate spentOn,
                               @Schema(nullable = true) String note, Instant at) {
    }

    @Schema(name = "ProjectBudgetView", description = "督资金: the budget, the spending summed, and what is left; all in fen (分).")
    public record BudgetView(@Schema(nullable = true, description = "null while none is set") Long budgetFen, long spentFen,
                             @Schema(nullable = true, description = "negative once over budget; null without a budget")
                             Long remainingFen,
                             @Schema(description = "more spent than budgeted: allowed, and flagged") boolean overBudget,
                             @Schema(description = "oldest first") List<SpendingView> spendings) {
    }

    @Schema(name = "ProjectMilestonePhoto")
    public record PhotoView(UUID id, String name, String contentType, @Schema(description = "GET it with the same rights as "
            + "the project") String url) {
    }

    @Schema(name = "ProjectMilestoneView", description = "A milestone (节点): planned, and once reached when and with what photos.")
    public record MilestoneView(UUID id, String title, LocalDate plannedOn, @Schema(nullable = true) LocalDate doneOn,
                                @Schema(nullable = true) String doneNote, List<PhotoView> photos) {
    }

    @Schema(name = "ProjectRecord", description = "A progress report 政府解题 or a deputy's supervision 全过程监督.")
    public record RecordView(@Schema(enumeration = {"PROGRESS", "SUPERVISION"}) String kind,
                             @Schema(nullable = true, description = "percent, on a progress report") Integer progress,
                             @Schema(nullable = true) String milestone, @Schema(nullable = true) String note,
                             @Schema(nullable = true, description = "the supervising deputy") UUID deputyId, Instant at,
                             @Schema(nullable = true, description = "三督, on a supervision: 督进度, 督质量 or 督资金")
                             SupervisionKind supervisionKind,
                             @Schema(nullable = true, description = "the kind's Chinese name") String supervisionKindName) {
    }

    @Schema(name = "ProjectSupervisionCounts", description = "三督: the project's supervisions counted per kind.")
    public record SupervisionCounts(@Schema(description = "督进度") long progress, @Schema(description = "督质量") long quality,
                                    @Schema(description = "督资金") long funds) {
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
                              @Schema(description = "oldest first") List<RecordView> records,
                              @Schema(description = "三督: supervisions per kind") SupervisionCounts supervisions,
                              @Schema(description = "群众评 and 代表评 together, as before 三评 (never the unit's own)") long evaluations,
                              @Schema(nullable = true, description = "of citizens' and deputies' evaluations; null without them")
                              Double satisfactionRate,
                              @Schema(description = "三评: each source's count and satisfaction rate, apart") EvaluationSources evaluationsBySource,
                              @Schema(nullable = true, description = "the responsible unit 承办单位; null until set") UUID unitId,
                              @Schema(nullable = true) String unitName,
                              @Schema(description = "督资金: budget, spending and what is left") BudgetView budget,
                              @Schema(description = "节点, by planned date") List<MilestoneView> milestones,
                              Instant proposedAt, @Schema(nullable = true) Instant completedAt,
                              @Schema(description = "内容审核: the public sees APPROVED projects only; staff in scope see "
                                      + "every project with its state") ModerationState moderation, String moderationName) {
    }

    @Schema(name = "ProjectEvaluationFigures", description = "One source's evaluations: how many, and the share 满意 or 基本满意.")
    public record EvaluationFigures(long count,
                                    @Schema(nullable = true, description = "满意 + 基本满意 over all; null without evaluations")
                                    Double satisfactionRate) {
    }

    @Schema(name = "ProjectEvaluationSources", description = "三评: 群众评, 代表评 and 部门自评, never mixed into one figure.")
    public record EvaluationSources(@Schema(description = "群众评") EvaluationFigures citizen,
                                    @Schema(description = "代表评") EvaluationFigures deputy,
                                    @Schema(description = "部门自评 (at most one)") EvaluationFigures unit) {
    }

    @Schema(name = "ProjectEvaluationView", description = "An evaluation 群众评效果: the rating counts at once, the comment "
            + "is shown once approved in moderation (to staff in scope always).")
    public record EvaluationView(UUID id, @Schema(description = "三评: whose evaluation it is") EvaluationSource by,
                                 String byName, Satisfaction satisfaction,
                                 @Schema(nullable = true, description = "null without a comment, or while it is not approved")
                                 String comment, ModerationState moderation, String moderationName, Instant at) {
    }

    @Schema(name = "ProjectTally", description = "The counted vote: its electorate, turnout, thresholds and every project of it.")
    public record TallyView(UUID sessionId, int electorate, int voters, int quorum, int majority, int places,
                            List<ProjectView> projects) {
    }
}
