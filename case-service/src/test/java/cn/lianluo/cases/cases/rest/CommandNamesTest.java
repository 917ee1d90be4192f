package cn.lianluo.cases.cases.rest;

import cn.lianluo.cases.cases.domain.CaseCommand;
import cn.lianluo.cases.cases.service.CaseDtos;
import cn.lianluo.cases.cases.service.CaseTimeline;
import cn.lianluo.cases.suggestions.domain.SuggestionCommand;
import cn.lianluo.cases.suggestions.service.SuggestionDtos;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented spellings are the served ones: the enum of {@code command} (the path segment and each value of
 * {@code allowedCommands}) is every command's path, and the timeline's actions are the ones recorded.
 */
class CommandNamesTest {

    private static List<String> documented(Class<?> type) {
        return List.of(type.getAnnotation(Schema.class).enumeration());
    }

    @Test
    void the_documented_case_commands_are_the_paths_of_every_case_command() {
        assertThat(documented(CaseDtos.CommandName.class))
                .containsExactlyElementsOf(Arrays.stream(CaseCommand.values()).map(CaseCommand::path).toList());
    }

    @Test
    void the_documented_suggestion_commands_are_the_paths_of_every_suggestion_command() {
        assertThat(documented(SuggestionDtos.CommandName.class))
                .containsExactlyElementsOf(Arrays.stream(SuggestionCommand.values()).map(SuggestionCommand::path).toList());
    }

    @Test
    void a_case_timeline_records_its_receipt_every_command_and_the_escalation_to_a_supervisor() {
        List<String> recorded = new ArrayList<>(List.of("RECEIVED", "ESCALATED_TO_SUPERVISOR", CaseTimeline.DUPLICATE_MERGED_IN));
        Arrays.stream(CaseCommand.values()).map(CaseCommand::name).forEach(recorded::add);
        assertThat(documented(CaseDtos.ActionName.class)).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void a_suggestion_timeline_records_its_submission_the_co_signers_and_every_command() {
        List<String> recorded = new ArrayList<>(List.of("SUBMITTED", "CO_SIGNED"));
        Arrays.stream(SuggestionCommand.values()).map(SuggestionCommand::name).forEach(recorded::add);
        assertThat(documented(SuggestionDtos.ActionName.class)).containsExactlyInAnyOrderElementsOf(recorded);
    }
}
