package cn.lianluo.cases.suggestions.domain;

import cn.lianluo.cases.cases.domain.Satisfaction;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.AskExtension;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.AssignUnits;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.CloseSuggestion;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.ExtendReply;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.MarkKey;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.RecordAnswer;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.RecordCoAnswer;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.RecordRating;
import cn.lianluo.cases.suggestions.domain.SuggestionEffect.SendBack;
import cn.lianluo.cases.suggestions.domain.SuggestionLoop.State;
import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.lianluo.cases.suggestions.domain.TestSuggestion.CITY_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.COUNTY_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.OTHER_COUNTY_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.TODAY;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.TOWNSHIP_UNIT;
import static cn.lianluo.cases.suggestions.domain.TestSuggestion.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The effects, event and timeline line of each suggestion command, and the order in which its rules are checked. */
class SuggestionLoopDecideTest {

    static State at(SuggestionStatus status) {
        return new State(status, false, false);
    }

    @Test
    void every_state_and_command_with_its_fields_is_a_transition_or_a_rejection() {
        for (SuggestionStatus status : SuggestionStatus.values()) {
            for (SuggestionCommand command : SuggestionCommand.values()) {
                State s = at(status);
                if (SuggestionLoop.allowed(s).contains(command)) {
                    SuggestionTransition t = SuggestionLoop.decide(s, command, with(TestSuggestion.everything()));
                    assertThat(t.next()).isEqualTo(SuggestionLoop.next(s, command, Satisfaction.SATISFIED));
                    assertThat(t.timeline().action()).isEqualTo(command.name());
                } else {
                    assertThatThrownBy(() -> SuggestionLoop.decide(s, command, with(TestSuggestion.everything())))
                            .isInstanceOf(SuggestionLoop.Rejected.class);
                }
            }
        }
    }

    @Test
    void assigning_names_the_units_and_the_days_their_answers_are_due() {
        SuggestionTransition t = SuggestionLoop.decide(at(SuggestionStatus.SUBMITTED), SuggestionCommand.ASSIGN,
                with(TestSuggestion.assign(COUNTY_UNIT.id(), CITY_UNIT.id(), COUNTY_UNIT.id(), CITY_UNIT.id())));
        assertThat(t.next().status()).isEqualTo(SuggestionStatus.ASSIGNED);
        assertThat(t.effects()).containsExactly(new AssignUnits(COUNTY_UNIT.id(), List.of(CITY_UNIT.id()), TODAY,
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 4, 30)));
        assertThat(t.event()).isEqualTo("assigned");
        assertThat(t.timeline()).isEqualTo(new SuggestionTransition.TimelineEntry("ASSIGN", null));
    }

    @Test
    void assigning_to_a_unit_below_or_beside_the_region_names_each_unit_outside() {
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.SUBMITTED), SuggestionCommand.ASSIGN,
                with(TestSuggestion.assign(TOWNSHIP_UNIT.id(), CITY_UNIT.id(), OTHER_COUNTY_UNIT.id()))))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("unit-outside-region");
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("leadUnitId", "coUnitIds");
                });
    }

    @Test
    void a_command_the_state_refuses_reads_no_field_and_no_unit() {
        TestSuggestion facts = with(TestSuggestion.nothing());
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.ANSWERED), SuggestionCommand.ASSIGN, facts))
                .isInstanceOf(SuggestionLoop.Rejected.class);
        assertThat(facts.lookedUp()).isEmpty();
    }

    @Test
    void a_command_without_a_required_field_is_invalid_before_any_unit_is_read() {
        TestSuggestion facts = with(TestSuggestion.nothing());
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.SUBMITTED), SuggestionCommand.ASSIGN, facts))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.errors()).extracting(FieldError::field).containsExactly("leadUnitId");
                });
        assertThat(facts.lookedUp()).isEmpty();
    }

    @Test
    void a_co_handling_unit_answers_for_itself_and_the_suggestion_stays_assigned() {
        SuggestionTransition t = SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED), SuggestionCommand.CO_ANSWER,
                with(TestSuggestion.answer(" 协办意见 ", null)));
        assertThat(t.next().status()).isEqualTo(SuggestionStatus.ASSIGNED);
        assertThat(t.effects()).containsExactly(new RecordCoAnswer(TestSuggestion.HANDLER_UNIT, "协办意见", TODAY));
        assertThat(t.event()).isEqualTo("co-answered");
        assertThat(t.timeline()).isEqualTo(new SuggestionTransition.TimelineEntry("CO_ANSWER", "协办意见"));
    }

    @Test
    void an_answer_is_graded_and_on_time_up_to_its_due_day() {
        SuggestionTransition onTime = SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED), SuggestionCommand.ANSWER,
                with(TestSuggestion.answer("已采纳", Grade.A)).replyDueOn(TODAY));
        assertThat(onTime.next().status()).isEqualTo(SuggestionStatus.ANSWERED);
        assertThat(onTime.effects()).containsExactly(new RecordAnswer("已采纳", Grade.A, TODAY, true));
        SuggestionTransition late = SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED), SuggestionCommand.ANSWER,
                with(TestSuggestion.answer("已采纳", Grade.B)).replyDueOn(TODAY.minusDays(1)));
        assertThat(late.effects()).containsExactly(new RecordAnswer("已采纳", Grade.B, TODAY, false));
    }

    @Test
    void an_answer_without_a_grade_is_refused_before_its_missing_content() {
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED), SuggestionCommand.ANSWER,
                with(TestSuggestion.nothing())))
                .isInstanceOfSatisfying(ProblemException.class, p ->
                        assertThat(p.errors()).containsExactly(new FieldError("grade", "an answer is graded A, B, C or D")));
    }

    @Test
    void a_satisfied_rating_closes_and_an_unsatisfied_one_sends_it_back_with_a_new_due_day() {
        SuggestionTransition closed = SuggestionLoop.decide(at(SuggestionStatus.ANSWERED), SuggestionCommand.RATE,
                with(TestSuggestion.rating(Satisfaction.BASICALLY_SATISFIED)));
        assertThat(closed.effects()).containsExactly(new RecordRating(Satisfaction.BASICALLY_SATISFIED), new CloseSuggestion());
        assertThat(closed.event()).isEqualTo("rated");
        SuggestionTransition back = SuggestionLoop.decide(at(SuggestionStatus.ANSWERED), SuggestionCommand.RATE,
                with(TestSuggestion.rating(Satisfaction.UNSATISFIED)));
        assertThat(back.next().status()).isEqualTo(SuggestionStatus.ASSIGNED);
        assertThat(back.effects()).containsExactly(new RecordRating(Satisfaction.UNSATISFIED),
                new SendBack(LocalDate.of(2026, 6, 30)));
        assertThat(back.event()).isEqualTo("reopened");
        assertThat(back.timeline().action()).isEqualTo("RATE");
    }

    @Test
    void a_rating_names_the_deputys_satisfaction() {
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.ANSWERED), SuggestionCommand.RATE,
                with(TestSuggestion.nothing())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.errors())
                        .containsExactly(new FieldError("satisfaction", "a rating names the deputy's satisfaction")));
    }

    @Test
    void an_extension_is_asked_in_time_and_approved_as_asked() {
        SuggestionTransition asked = SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED),
                SuggestionCommand.REQUEST_EXTENSION, with(TestSuggestion.months(2)));
        assertThat(asked.next().extensionPending()).isTrue();
        assertThat(asked.effects()).containsExactly(new AskExtension(2));
        assertThat(asked.event()).isEqualTo("extension-requested");
        SuggestionTransition approved = SuggestionLoop.decide(asked.next(), SuggestionCommand.APPROVE_EXTENSION,
                with(TestSuggestion.nothing()));
        assertThat(approved.effects()).containsExactly(new ExtendReply(TODAY.plusMonths(1).plusMonths(2)));
        assertThat(approved.next()).isEqualTo(new State(SuggestionStatus.ASSIGNED, false, true));
    }

    @Test
    void an_extension_asked_after_the_due_day_is_too_late() {
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED), SuggestionCommand.REQUEST_EXTENSION,
                with(TestSuggestion.months(1)).replyDueOn(TODAY.minusDays(1))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("extension-too-late"));
    }

    @Test
    void supervising_needs_a_note_and_changes_nothing_but_the_timeline() {
        SuggestionTransition t = SuggestionLoop.decide(at(SuggestionStatus.SUBMITTED), SuggestionCommand.SUPERVISE,
                with(TestSuggestion.note(" 请抓紧 ")));
        assertThat(t.next()).isEqualTo(at(SuggestionStatus.SUBMITTED));
        assertThat(t.effects()).isEmpty();
        assertThat(t.timeline()).isEqualTo(new SuggestionTransition.TimelineEntry("SUPERVISE", "请抓紧"));
        assertThatThrownBy(() -> SuggestionLoop.decide(at(SuggestionStatus.SUBMITTED), SuggestionCommand.SUPERVISE,
                with(TestSuggestion.note("  ")))).isInstanceOf(ProblemException.class);
    }

    @Test
    void marking_a_key_suggestion_is_an_effect_of_its_own() {
        SuggestionTransition t = SuggestionLoop.decide(at(SuggestionStatus.ASSIGNED), SuggestionCommand.MARK_KEY,
                with(TestSuggestion.nothing()));
        assertThat(t.effects()).containsExactly(new MarkKey());
        assertThat(t.event()).isEqualTo("marked-key");
    }
}
