package cn.lianluo.cases.suggestions.rest;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.suggestions.domain.Grade;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response models of deputies' suggestions (代表建议). */
public final class SuggestionDtos {

    private SuggestionDtos() {
    }

    public record SuggestionRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 8000) String content,
                                    UUID leadDeputyId, @Size(max = 50) List<@NotNull UUID> coDeputyIds,
                                    @Size(max = 100) List<@NotNull UUID> caseIds) {
    }

    public record SuggestionCommandBody(UUID leadUnitId, @Size(max = 10) List<@NotNull UUID> coUnitIds,
                                        @Size(max = 8000) String content, Grade grade, Satisfaction satisfaction,
                                        @Min(1) @Max(3) Integer months, @Size(max = 2000) String note) {
    }

    public record UnitAnswer(UUID unitId, String unitName, boolean lead, String answer, LocalDate answeredOn) {
    }

    public record ActionView(String action, String actionName, String actorRole, Instant at, String note) {
    }

    /** @param coSignedDeputyIds the co-signers (of {@code coDeputyIds}) who have confirmed (联名确认) */
    public record SuggestionView(UUID id, String title, String content, String regionCode, UUID leadDeputyId,
                                 List<String> coDeputyIds, List<String> coSignedDeputyIds, List<UUID> caseIds,
                                 SuggestionStatus status, String statusName,
                                 boolean keySuggestion, UUID leadUnitId, List<UnitAnswer> units, LocalDate assignedOn,
                                 LocalDate replyDue, LocalDate coAnswerDue, boolean overdue, Grade grade, String gradeName,
                                 LocalDate answeredOn, Boolean answeredOnTime, Satisfaction rating, int reopenCount,
                                 List<SuggestionCommand> allowedCommands, List<ActionView> timeline, Instant submittedAt,
                                 Instant closedAt) {
    }
}
