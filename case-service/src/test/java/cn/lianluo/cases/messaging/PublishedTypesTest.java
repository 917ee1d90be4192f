package cn.lianluo.cases.messaging;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.common.events.contract.CaseEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of a case's or a suggestion's loop publishes a type of {@code case.events}' contract, with the record
 * its publisher writes: a new command without its type in {@link CaseEvents} fails here, not at a consumer.
 */
class PublishedTypesTest {

    @Test
    void every_case_command_publishes_a_case_event_of_the_contract() {
        for (CaseCommand command : CaseCommand.values()) {
            assertThat(CaseEvents.CONTRACT.dataOf(CaseEvents.type(command.event()))).as(command.name())
                    .isEqualTo(CaseEvents.CaseData.class);
        }
    }

    @Test
    void every_suggestion_command_publishes_a_suggestion_event_of_the_contract() {
        for (SuggestionCommand command : SuggestionCommand.values()) {
            assertThat(CaseEvents.CONTRACT.dataOf(CaseEvents.type("suggestion-" + command.event()))).as(command.name())
                    .isEqualTo(CaseEvents.SuggestionData.class);
        }
    }
}
