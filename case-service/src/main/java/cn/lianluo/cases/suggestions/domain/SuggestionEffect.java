package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a transition does to the suggestion besides its new state, in the order it is to be done. */
public sealed interface SuggestionEffect {

    /** 交办: a lead unit and co-handling units, with the days their answers are due. */
    record AssignUnits(UUID leadUnitId, List<UUID> coUnitIds, LocalDate assignedOn, LocalDate replyDue,
                       LocalDate coAnswerDue) implements SuggestionEffect {
        public AssignUnits {
            coUnitIds = List.copyOf(coUnitIds);
        }
    }

    /** A co-handling unit's answer, kept with that unit. */
    record RecordCoAnswer(UUID unitId, String answer, LocalDate on) implements SuggestionEffect {
    }

    /** The lead unit's graded answer, kept on the suggestion and with the lead unit; on time if by the reply's due day. */
    record RecordAnswer(String answer, Grade grade, LocalDate on, boolean onTime) implements SuggestionEffect {
    }

    /** The lead deputy's satisfaction. */
    record RecordRating(Satisfaction satisfaction) implements SuggestionEffect {
    }

    /** The suggestion is closed now. */
    record CloseSuggestion() implements SuggestionEffect {
    }

    /** Back to the units: the answer is dropped, one more reopening, a new reply due day. */
    record SendBack(LocalDate replyDue) implements SuggestionEffect {
    }

    /** 申请延期 of so many months, waiting for approval. */
    record AskExtension(int months) implements SuggestionEffect {
    }

    /** 批准延期: the reply is due on a later day. */
    record ExtendReply(LocalDate replyDue) implements SuggestionEffect {
    }

    /** 列为重点建议. */
    record MarkKey() implements SuggestionEffect {
    }
}
