package cn.lianluo.cases.moderation.domain;

import cn.lianluo.cases.moderation.domain.ContentScreen.Flag;
import cn.lianluo.cases.moderation.service.ModerationDtos;
import cn.lianluo.common.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModerationRulesTest {

    @Test
    void every_state_and_staff_decision_is_a_transition_or_a_409_naming_the_allowed() {
        record Case(ModerationState from, ModerationDecision decision, ModerationState to) {
        }
        List<Case> table = List.of(
                new Case(ModerationState.PENDING, ModerationDecision.APPROVE, ModerationState.APPROVED),
                new Case(ModerationState.PENDING, ModerationDecision.HIDE, ModerationState.HIDDEN),
                new Case(ModerationState.PENDING, ModerationDecision.RESTORE, null),
                new Case(ModerationState.APPROVED, ModerationDecision.APPROVE, null),
                new Case(ModerationState.APPROVED, ModerationDecision.HIDE, ModerationState.HIDDEN),
                new Case(ModerationState.APPROVED, ModerationDecision.RESTORE, null),
                new Case(ModerationState.HIDDEN, ModerationDecision.APPROVE, null),
                new Case(ModerationState.HIDDEN, ModerationDecision.HIDE, null),
                new Case(ModerationState.HIDDEN, ModerationDecision.RESTORE, ModerationState.APPROVED));
        assertThat(table).hasSize(ModerationState.values().length * ModerationDecision.commands().size());
        for (Case c : table) {
            if (c.to() != null) {
                assertThat(ModerationRules.decide(c.from(), c.decision(), "理由").to()).as(c.toString()).isEqualTo(c.to());
                assertThat(ModerationRules.allowed(c.from())).contains(c.decision());
            } else {
                assertThatThrownBy(() -> ModerationRules.decide(c.from(), c.decision(), "理由")).as(c.toString())
                        .isInstanceOfSatisfying(ProblemException.class, e -> {
                            assertThat(e.status()).isEqualTo(409);
                            ModerationRules.allowed(c.from()).forEach(d -> assertThat(e.getMessage()).contains(d.path()));
                        });
                assertThat(ModerationRules.allowed(c.from())).doesNotContain(c.decision());
            }
        }
    }

    @Test
    void the_platforms_decisions_are_not_staffs_to_take() {
        for (ModerationState state : ModerationState.values()) {
            assertThatThrownBy(() -> ModerationRules.decide(state, ModerationDecision.AUTO_APPROVE, null)).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> ModerationRules.decide(state, ModerationDecision.HOLD, null)).isInstanceOf(ProblemException.class);
        }
    }

    @Test
    void hiding_and_restoring_need_a_reason_approving_not() {
        assertThat(ModerationRules.decide(ModerationState.PENDING, ModerationDecision.APPROVE, null).to()).isEqualTo(ModerationState.APPROVED);
        assertThatThrownBy(() -> ModerationRules.decide(ModerationState.PENDING, ModerationDecision.HIDE, " "))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.errors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("reason"));
                });
        assertThatThrownBy(() -> ModerationRules.decide(ModerationState.HIDDEN, ModerationDecision.RESTORE, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void the_documented_commands_are_the_paths_of_the_staff_decisions() {
        assertThat(List.of(ModerationDtos.CommandName.class.getAnnotation(Schema.class).enumeration()))
                .containsExactlyElementsOf(ModerationDecision.commands().stream().map(ModerationDecision::path).toList());
        assertThat(List.of(ModerationDtos.DecisionName.class.getAnnotation(Schema.class).enumeration()))
                .containsExactlyElementsOf(java.util.Arrays.stream(ModerationDecision.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"村里的路灯坏了, 希望修好", "2026年建成村部", "修缮3座桥和12盏路灯", "文化广场.", "email: none"})
    void plain_text_passes_the_screen(String text) {
        assertThat(ContentScreen.flags(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"详见 http://spam.example", "看 https://x.y", "www.daikuan", "ｗｗｗ．贷款", "加盟 fafa.cn 了解", "到 shop.COM 看看",
            "见 abc。com"})
    void a_link_is_flagged(String text) {
        assertThat(ContentScreen.flags(text)).containsExactly(Flag.LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"电话13812345678", "QQ 12345", "微信 138 1234 5678", "138-1234-5678", "１３８１２３４５６７８", "V信：1 2 3 4 5",
            "号码 ５５５—６６６"})
    void a_number_that_could_be_a_phone_qq_or_wechat_id_is_flagged(String text) {
        assertThat(ContentScreen.flags(text)).containsExactly(Flag.NUMBER);
    }

    @Test
    void content_with_a_token_or_clean_text_under_auto_approval_is_approved_at_once_the_rest_waits() {
        assertThat(ContentScreen.initial(true, false, Set.of(Flag.LINK))).isEqualTo(ModerationState.APPROVED);
        assertThat(ContentScreen.initial(false, true, Set.of())).isEqualTo(ModerationState.APPROVED);
        assertThat(ContentScreen.initial(false, true, Set.of(Flag.NUMBER))).isEqualTo(ModerationState.PENDING);
        assertThat(ContentScreen.initial(false, false, Set.of())).isEqualTo(ModerationState.PENDING);
        assertThat(ContentScreen.flags("标题 http://a.cn", "电话 13812345678")).containsExactlyInAnyOrder(Flag.LINK, Flag.NUMBER);
    }
}
