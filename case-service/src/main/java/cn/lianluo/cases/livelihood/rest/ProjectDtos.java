package cn.lianluo.cases.livelihood.rest;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.cases.rest.CaseDtos;
import cn.lianluo.cases.livelihood.domain.ProjectStatus;
import cn.lianluo.cases.livelihood.domain.VoteChoice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response models of livelihood projects (民生实事项目票决制). */
public final class ProjectDtos {

    private ProjectDtos() {
    }

    /** 群众点题: a citizen (name and phone), or staff and deputies from cases. */
    public record ProjectRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String description,
                                 @NotBlank String regionCode, @NotNull @Min(2020) @Max(2100) Integer year,
                                 @Valid CaseDtos.Citizen citizen, @Size(max = 100) List<@NotNull UUID> caseIds) {
    }

    public record Shortlist(@NotNull cn.lianluo.cases.livelihood.domain.CongressLevel level, @NotNull @Min(1) @Max(50) Integer places,
                            @NotNull Instant opensAt, @NotNull Instant closesAt) {
    }

    public record Vote(@NotNull VoteChoice choice) {
    }

    public record Progress(@NotNull @Min(0) @Max(100) Integer percent, @Size(max = 200) String milestone,
                           @Size(max = 2000) String note, @Size(max = 500) String reason) {
    }

    public record Supervision(@NotBlank @Size(max = 2000) String note) {
    }

    public record Evaluation(@NotNull Satisfaction satisfaction, @Size(max = 500) String comment,
                             @Pattern(regexp = CaseDtos.PHONE, message = CaseDtos.PHONE_MESSAGE) String phone) {
    }

    public record RecordView(String kind, Integer progress, String milestone, String note, UUID deputyId, Instant at) {
    }

    public record ProjectView(UUID id, String regionCode, int year, String title, String description, String source,
                              ProjectStatus status, String statusName, UUID sessionId, Integer votesFor,
                              Integer votesAgainst, Integer votesAbstain, int progress, List<UUID> caseIds,
                              List<RecordView> records, long evaluations, Double satisfactionRate, Instant proposedAt,
                              Instant completedAt) {
    }

    public record TallyView(UUID sessionId, int electorate, int voters, int quorum, int majority, int places,
                            List<ProjectView> projects) {
    }
}
