package cn.lianluo.cases.suggestions.service;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.suggestions.domain.Grade;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.domain.SuggestionStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and response models of deputies' suggestions (代表建议). */
public final class SuggestionDtos {

    private SuggestionDtos() {
    }

    /**
     * The spelling of a suggestion command on the wire: the {@code command} path segment of
     * {@code POST /suggestions/{id}/{command}} and the values of {@code allowedCommands} ({@link SuggestionCommand#path()};
     * {@code CommandNamesTest} keeps the two lists equal).
     */
    @Schema(name = "SuggestionCommand", type = SchemaType.STRING, description = "A command of the suggestion loop, as "
            + "POST /suggestions/{id}/{command} takes it and a suggestion's allowedCommands lists it.",
            enumeration = {"assign", "co-answer", "answer", "rate", "request-extension", "approve-extension", "supervise",
                    "mark-key"})
    public interface CommandName {
    }

    /** What a suggestion's timeline entry records: its submission, a co-signer's confirmation, or a command by name. */
    @Schema(name = "SuggestionAction", type = SchemaType.STRING, description = "SUBMITTED, CO_SIGNED (a co-signer "
            + "confirmed; the note is the deputy's id) or a command (upper case).",
            enumeration = {"SUBMITTED", "CO_SIGNED", "ASSIGN", "CO_ANSWER", "ANSWER", "RATE", "REQUEST_EXTENSION",
                    "APPROVE_EXTENSION", "SUPERVISE", "MARK_KEY"})
    public interface ActionName {
    }

    @Schema(name = "SuggestionRequest")
    public record SuggestionRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 8000) String content,
                                    @Schema(description = "staff name the deputy; a deputy makes it as themself") UUID leadDeputyId,
                                    @Size(max = 50) @Schema(description = "联名: deputies of the lead deputy's region, who "
                                            + "join when each confirms") List<@NotNull UUID> coDeputyIds,
                                    @Size(max = 100) @Schema(description = "cases of the deputy's region it grows from")
                                    List<@NotNull UUID> caseIds) {
    }

    @Schema(name = "SuggestionCommandBody", description = "Each command reads the fields it needs: assign {leadUnitId, "
            + "coUnitIds}, co-answer {content}, answer {content, grade}, rate {satisfaction}, request-extension {months}, "
            + "supervise {note}; the others none.")
    public record SuggestionCommandBody(UUID leadUnitId, @Size(max = 10) List<@NotNull UUID> coUnitIds,
                                        @Size(max = 8000) String content, Grade grade, Satisfaction satisfaction,
                                        @Min(1) @Max(3) Integer months, @Size(max = 2000) String note) {
    }

    @Schema(name = "SuggestionUnitAnswer", description = "A unit the suggestion is assigned to, and its answer.")
    public record UnitAnswer(UUID unitId, String unitName, @Schema(description = "the lead unit 主办单位") boolean lead,
                             @Schema(nullable = true) String answer, @Schema(nullable = true) LocalDate answeredOn) {
    }

    @Schema(name = "SuggestionTimelineEntry")
    public record ActionView(@Schema(ref = "SuggestionAction") String action, String actionName,
                             @Schema(enumeration = {"ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY", "HANDLER"}) String actorRole,
                             Instant at, @Schema(nullable = true) String note) {
    }

    /** @param coSignedDeputyIds the co-signers (of {@code coDeputyIds}) who have confirmed (联名确认) */
    @Schema(name = "SuggestionView")
    public record SuggestionView(UUID id, String title, String content, String regionCode, UUID leadDeputyId,
                                 @Schema(type = SchemaType.ARRAY, implementation = UUID.class,
                                         description = "the co-signers named") List<String> coDeputyIds,
                                 @Schema(type = SchemaType.ARRAY, implementation = UUID.class,
                                         description = "the co-signers who have confirmed (联名确认), in that order")
                                 List<String> coSignedDeputyIds,
                                 List<UUID> caseIds, SuggestionStatus status, String statusName,
                                 @Schema(description = "重点建议") boolean keySuggestion,
                                 @Schema(nullable = true) UUID leadUnitId, List<UnitAnswer> units,
                                 @Schema(nullable = true) LocalDate assignedOn,
                                 @Schema(nullable = true) LocalDate replyDue, @Schema(nullable = true) LocalDate coAnswerDue,
                                 boolean overdue, @Schema(nullable = true) Grade grade,
                                 @Schema(nullable = true) String gradeName, @Schema(nullable = true) LocalDate answeredOn,
                                 @Schema(nullable = true) Boolean answeredOnTime,
                                 @Schema(nullable = true, description = "the lead deputy's satisfaction") Satisfaction rating,
                                 int reopenCount,
                                 @Schema(type = SchemaType.ARRAY, implementation = CommandName.class,
                                         description = "the commands the suggestion's state allows now (the caller's role may allow fewer)")
                                 List<String> allowedCommands,
                                 @Schema(description = "oldest first") List<ActionView> timeline, Instant submittedAt,
                                 @Schema(nullable = true) Instant closedAt) {
    }
}
