package cn.lianluo.cases.moderation.service;

import cn.lianluo.cases.moderation.domain.ModeratedKind;
import cn.lianluo.cases.moderation.domain.ModerationState;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response models of moderation (内容审核). */
public final class ModerationDtos {

    private ModerationDtos() {
    }

    /** The spelling of a staff decision in {@code POST /moderation/{kind}/{id}/{decision}} ({@code ModerationRulesTest} keeps it equal). */
    @Schema(name = "ModerationCommand", type = SchemaType.STRING, description = "A staff decision: approve (通过) what is "
            + "pending, hide (隐藏) what is pending or approved, restore (恢复) what is hidden.",
            enumeration = {"approve", "hide", "restore"})
    public interface CommandName {
    }

    /** Every decision a history records: the platform's on arrival and staff's. */
    @Schema(name = "ModerationDecision", type = SchemaType.STRING, description = "AUTO_APPROVE (自动通过) or HOLD (待人工审核) "
            + "by the platform when the content arrives; APPROVE, HIDE, RESTORE by staff.",
            enumeration = {"AUTO_APPROVE", "HOLD", "APPROVE", "HIDE", "RESTORE"})
    public interface DecisionName {
    }

    @Schema(name = "ModerationFlag", type = SchemaType.STRING, description = "Why text waits for a person: LINK (a link "
            + "or domain), NUMBER (5 or more digits, as a phone, QQ or WeChat id).", enumeration = {"LINK", "NUMBER"})
    public interface FlagName {
    }

    @Schema(name = "ModerationRequest", description = "The reason of a decision: required to hide and to restore.")
    public record DecisionRequest(@Size(max = 500) @Schema(nullable = true, description = "required for hide and restore")
                                  String reason) {
    }

    @Schema(name = "ModerationHistoryEntry", description = "One decision on the content: by whom, when, why, from which state to which.")
    public record HistoryEntry(@Schema(ref = "ModerationDecision") String decision, String decisionName,
                               @Schema(nullable = true, description = "null on arrival") ModerationState from, ModerationState to,
                               @Schema(nullable = true) String reason,
                               @Schema(description = "the account that decided (the token's user name); system for the platform") String actor,
                               @Schema(description = "the token's role; SYSTEM for the platform") String actorRole, Instant at) {
    }

    @Schema(name = "ModerationItem", description = "A piece of public content to judge: a citizen's project proposal "
            + "(群众点题) or an evaluation's comment (群众评效果), with its state and every decision on it.")
    public record ItemView(ModeratedKind kind, String kindName, UUID id,
                           @Schema(nullable = true, description = "the project; for a PROJECT its own id; null for a DRAFT_COMMENT") UUID projectId,
                           @Schema(nullable = true, description = "the draft law a DRAFT_COMMENT was made on; null for the others")
                           UUID draftId,
                           String regionCode, @Schema(description = "the project's title") String title,
                           @Schema(description = "the text to judge: the proposal's description, or the comment") String text,
                           @Schema(nullable = true, description = "an evaluation's rating") String satisfaction,
                           @Schema(type = SchemaType.ARRAY, implementation = FlagName.class,
                                   description = "what the screen found in it (empty: nothing)") List<String> flags,
                           Instant createdAt, ModerationState state, String stateName,
                           @Schema(type = SchemaType.ARRAY, implementation = CommandName.class,
                                   description = "the decisions its state allows") List<String> allowedCommands,
                           @Schema(description = "oldest first") List<HistoryEntry> history) {
    }
}
