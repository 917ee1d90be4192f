package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.lianluo.cases.cases.domain.CommandField.CONTENT;
import static cn.lianluo.cases.cases.domain.CommandField.DAYS;
import static cn.lianluo.cases.cases.domain.CommandField.NOTE;
import static cn.lianluo.cases.cases.domain.CommandField.REASON;
import static cn.lianluo.cases.cases.domain.CommandField.RESULT;
import static cn.lianluo.cases.cases.domain.CommandField.SATISFACTION;
import static cn.lianluo.cases.cases.domain.CommandField.UNIT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each command requires, what it tells the citizen and which event it publishes. */
class CaseCommandTest {

    @Test
    void each_command_requires_its_fields_in_order() {
        Map<CaseCommand, List<CommandField>> expected = new EnumMap<>(CaseCommand.class);
        expected.put(CaseCommand.ANSWER, List.of(CONTENT));
        expected.put(CaseCommand.ASSIGN, List.of(UNIT_ID));
        expected.put(CaseCommand.ACCEPT, List.of());
        expected.put(CaseCommand.ESCALATE, List.of(UNIT_ID, NOTE));
        expected.put(CaseCommand.TRANSFER, List.of(UNIT_ID, REASON));
        expected.put(CaseCommand.RETURN, List.of(REASON));
        expected.put(CaseCommand.COMPLETE, List.of(RESULT));
        expected.put(CaseCommand.REPLY, List.of(CONTENT));
        expected.put(CaseCommand.VISIT, List.of(SATISFACTION));
        expected.put(CaseCommand.REOPEN, List.of(REASON));
        expected.put(CaseCommand.PAUSE, List.of(REASON));
        expected.put(CaseCommand.RESUME, List.of());
        expected.put(CaseCommand.REQUEST_EXTENSION, List.of(DAYS, REASON));
        expected.put(CaseCommand.APPROVE_EXTENSION, List.of());
        expected.put(CaseCommand.DENY_EXTENSION, List.of());
        expected.put(CaseCommand.SUPERVISE, List.of(NOTE));
        expected.put(CaseCommand.CLOSE, List.of(NOTE));
        expected.put(CaseCommand.MERGE, List.of(CommandField.INTO_CASE_ID));
        expected.put(CaseCommand.UNLINK, List.of());
        for (CaseCommand command : CaseCommand.values()) {
            assertThat(command.required()).as(command.name()).isEqualTo(expected.get(command));
        }
    }

    @Test
    void a_missing_field_is_a_400_naming_the_first_one_missing() {
        assertThatThrownBy(() -> CaseCommand.ESCALATE.requireFields(CommandInput.empty()))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.getMessage()).isEqualTo("unitId: required for escalate");
                });
        assertThat(CaseCommand.ESCALATE.missingIn(TestCase.unit(UUID.randomUUID(), "  "))).contains(NOTE);
        assertThat(CaseCommand.REQUEST_EXTENSION.missingIn(new CommandInput(null, null, null, null, null, null, 3)))
                .contains(REASON);
        assertThat(CaseCommand.ACCEPT.missingIn(CommandInput.empty())).isEmpty();
    }

    @Test
    void the_citizen_is_told_the_answer_the_reply_and_the_result_and_nothing_else() {
        CommandInput input = new CommandInput(" 已修复 ", null, "内部备注", " 已处理 ", null, null, null);
        assertThat(CaseCommand.ANSWER.told(input)).isEqualTo("已修复");
        assertThat(CaseCommand.REPLY.told(input)).isEqualTo("已修复");
        assertThat(CaseCommand.COMPLETE.told(input)).isEqualTo("已处理");
        assertThat(CaseCommand.SUPERVISE.told(input)).isNull();
        assertThat(input.timelineNote()).isEqualTo("内部备注");
    }

    @Test
    void every_command_names_its_own_event() {
        assertThat(CaseCommand.REQUEST_EXTENSION.event()).isEqualTo("extension-requested");
        assertThat(CaseCommand.COMPLETE.event()).isEqualTo("handled");
        assertThat(List.of(CaseCommand.values()).stream().map(CaseCommand::event).distinct())
                .hasSize(CaseCommand.values().length)
                .allSatisfy(e -> assertThat(e).matches("[a-z]+(-[a-z]+)*"));
    }
}
