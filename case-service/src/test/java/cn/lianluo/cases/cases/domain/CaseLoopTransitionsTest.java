package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseLoop.State;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (state, command) pair: a defined transition, or a rejection naming the allowed commands. */
class CaseLoopTransitionsTest {

    static final Map<CaseStatus, Set<CaseCommand>> ALLOWED = Map.of(
            CaseStatus.RECEIVED, EnumSet.of(CaseCommand.ANSWER, CaseCommand.ASSIGN, CaseCommand.SUPERVISE),
            CaseStatus.ASSIGNED, EnumSet.of(CaseCommand.ACCEPT, CaseCommand.ESCALATE, CaseCommand.TRANSFER,
                    CaseCommand.RETURN, CaseCommand.PAUSE, CaseCommand.REQUEST_EXTENSION, CaseCommand.SUPERVISE),
            CaseStatus.IN_PROGRESS, EnumSet.of(CaseCommand.COMPLETE, CaseCommand.ESCALATE, CaseCommand.TRANSFER,
                    CaseCommand.RETURN, CaseCommand.PAUSE, CaseCommand.REQUEST_EXTENSION, CaseCommand.SUPERVISE),
            CaseStatus.HANDLED, EnumSet.of(CaseCommand.REPLY, CaseCommand.SUPERVISE),
            CaseStatus.REPLIED, EnumSet.of(CaseCommand.VISIT, CaseCommand.CLOSE, CaseCommand.SUPERVISE),
            CaseStatus.SUPERVISOR_REVIEW, EnumSet.of(CaseCommand.ASSIGN, CaseCommand.CLOSE, CaseCommand.SUPERVISE),
            CaseStatus.CLOSED, EnumSet.of(CaseCommand.REOPEN),
            CaseStatus.MERGED, EnumSet.noneOf(CaseCommand.class));

    /** The expected status after an allowed command (VISIT with SATISFIED; reopen counts 0). */
    static final Map<CaseCommand, Map<CaseStatus, CaseStatus>> NEXT = Map.ofEntries(
            Map.entry(CaseCommand.ANSWER, Map.of(CaseStatus.RECEIVED, CaseStatus.REPLIED)),
            Map.entry(CaseCommand.ASSIGN, Map.of(CaseStatus.RECEIVED, CaseStatus.ASSIGNED,
                    CaseStatus.SUPERVISOR_REVIEW, CaseStatus.ASSIGNED)),
            Map.entry(CaseCommand.ACCEPT, Map.of(CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)),
            Map.entry(CaseCommand.ESCALATE, Map.of(CaseStatus.ASSIGNED, CaseStatus.ASSIGNED,
                    CaseStatus.IN_PROGRESS, CaseStatus.ASSIGNED)),
            Map.entry(CaseCommand.TRANSFER, Map.of(CaseStatus.ASSIGNED, CaseStatus.ASSIGNED,
                    CaseStatus.IN_PROGRESS, CaseStatus.ASSIGNED)),
            Map.entry(CaseCommand.RETURN, Map.of(CaseStatus.ASSIGNED, CaseStatus.RECEIVED,
                    CaseStatus.IN_PROGRESS, CaseStatus.RECEIVED)),
            Map.entry(CaseCommand.COMPLETE, Map.of(CaseStatus.IN_PROGRESS, CaseStatus.HANDLED)),
            Map.entry(CaseCommand.REPLY, Map.of(CaseStatus.HANDLED, CaseStatus.REPLIED)),
            Map.entry(CaseCommand.VISIT, Map.of(CaseStatus.REPLIED, CaseStatus.CLOSED)),
            Map.entry(CaseCommand.CLOSE, Map.of(CaseStatus.REPLIED, CaseStatus.CLOSED,
                    CaseStatus.SUPERVISOR_REVIEW, CaseStatus.CLOSED)),
            Map.entry(CaseCommand.REOPEN, Map.of(CaseStatus.CLOSED, CaseStatus.ASSIGNED)));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseStatus status : CaseStatus.values()) {
            for (CaseCommand command : CaseCommand.values()) {
                pairs.add(Arguments.of(status, command));
            }
        }
        return pairs.stream();
    }

    static State at(CaseStatus status) {
        return new State(status, false, true, 0, false, false);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void every_state_and_command_is_a_transition_or_a_rejection_naming_the_allowed(CaseStatus status, CaseCommand command) {
        State state = at(status);
        if (ALLOWED.get(status).contains(command)) {
            State next = CaseLoop.next(state, command, Satisfaction.SATISFIED);
            CaseStatus expected = NEXT.containsKey(command) ? NEXT.get(command).get(status) : status;
            assertThat(next.status()).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> CaseLoop.next(state, command, Satisfaction.SATISFIED))
                    .isInstanceOfSatisfying(CaseLoop.Rejected.class, r -> {
                        assertThat(r.allowed()).isEqualTo(ALLOWED.get(status));
                        assertThat(r.getMessage()).contains(command.name()).contains(status.name());
                    });
        }
    }

    @Test
    void a_paused_case_only_resumes_or_is_supervised_and_keeps_its_status() {
        State paused = CaseLoop.next(at(CaseStatus.IN_PROGRESS), CaseCommand.PAUSE, null);
        assertThat(paused.paused()).isTrue();
        assertThat(CaseLoop.allowed(paused)).containsExactlyInAnyOrder(CaseCommand.RESUME, CaseCommand.SUPERVISE);
        assertThatThrownBy(() -> CaseLoop.next(paused, CaseCommand.COMPLETE, null)).isInstanceOf(CaseLoop.Rejected.class);
        State resumed = CaseLoop.next(paused, CaseCommand.RESUME, null);
        assertThat(resumed.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(resumed.paused()).isFalse();
    }

    /** What a case flagged as a possible duplicate (重复件) allows besides its state's commands. */
    static final Map<CaseStatus, Set<CaseCommand>> FLAGGED_ALSO = Map.of(
            CaseStatus.RECEIVED, EnumSet.of(CaseCommand.MERGE, CaseCommand.UNLINK),
            CaseStatus.ASSIGNED, EnumSet.of(CaseCommand.MERGE, CaseCommand.UNLINK),
            CaseStatus.IN_PROGRESS, EnumSet.of(CaseCommand.MERGE, CaseCommand.UNLINK),
            CaseStatus.HANDLED, EnumSet.of(CaseCommand.UNLINK),
            CaseStatus.REPLIED, EnumSet.of(CaseCommand.UNLINK),
            CaseStatus.SUPERVISOR_REVIEW, EnumSet.of(CaseCommand.UNLINK),
            CaseStatus.CLOSED, EnumSet.of(CaseCommand.UNLINK),
            CaseStatus.MERGED, EnumSet.noneOf(CaseCommand.class));

    @ParameterizedTest(name = "{0} + {1}, flagged")
    @MethodSource("everyPair")
    void a_flagged_case_is_also_merged_before_its_handling_and_unlinked_in_any_state_but_merged(CaseStatus status,
                                                                                                 CaseCommand command) {
        State flagged = new State(status, false, true, 0, false, false, true);
        Set<CaseCommand> allowed = EnumSet.noneOf(CaseCommand.class);
        allowed.addAll(ALLOWED.get(status));
        allowed.addAll(FLAGGED_ALSO.get(status));
        if (allowed.contains(command)) {
            State next = CaseLoop.next(flagged, command, Satisfaction.SATISFIED);
            CaseStatus expected = command == CaseCommand.MERGE ? CaseStatus.MERGED
                    : NEXT.containsKey(command) ? NEXT.get(command).get(status) : status;
            assertThat(next.status()).isEqualTo(expected);
            // the flag stays until the case is merged or unlinked
            assertThat(next.possibleDuplicate()).isEqualTo(command != CaseCommand.MERGE && command != CaseCommand.UNLINK);
        } else {
            assertThatThrownBy(() -> CaseLoop.next(flagged, command, Satisfaction.SATISFIED))
                    .isInstanceOfSatisfying(CaseLoop.Rejected.class, r -> assertThat(r.allowed()).isEqualTo(allowed));
        }
    }

    @Test
    void a_possible_duplicate_is_unlinked_even_when_paused_and_a_merged_case_allows_nothing() {
        State paused = new State(CaseStatus.IN_PROGRESS, true, true, 0, false, false, true);
        assertThat(CaseLoop.allowed(paused)).containsExactlyInAnyOrder(CaseCommand.RESUME, CaseCommand.SUPERVISE,
                CaseCommand.UNLINK);
        assertThat(CaseLoop.next(paused, CaseCommand.UNLINK, null))
                .isEqualTo(new State(CaseStatus.IN_PROGRESS, true, true, 0, false, false, false));
        State merged = CaseLoop.next(new State(CaseStatus.ASSIGNED, false, true, 0, false, false, true),
                CaseCommand.MERGE, null);
        assertThat(CaseLoop.allowed(merged)).isEmpty();
        assertThat(CaseLoop.allowed(merged.flagged(true))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CaseStatus.class)
    void a_merged_case_is_rated_once_and_only_when_the_case_it_was_merged_into_is_closed(CaseStatus target) {
        boolean answered = target == CaseStatus.CLOSED;
        assertThat(DuplicatePolicy.rateableMerged(target, false)).isEqualTo(answered);
        assertThat(DuplicatePolicy.rateableMerged(target, true)).isFalse();
        if (answered) {
            DuplicatePolicy.requireRateableMerged(target, false);
        } else {
            assertThatThrownBy(() -> DuplicatePolicy.requireRateableMerged(target, false))
                    .isInstanceOf(ProblemException.class).hasMessageContaining(target.name());
        }
        assertThatThrownBy(() -> DuplicatePolicy.requireRateableMerged(target, true))
                .isInstanceOf(ProblemException.class).hasMessageContaining("already been rated");
    }

    @Test
    void an_extension_is_asked_once_and_then_approved_or_denied() {
        State asked = CaseLoop.next(at(CaseStatus.IN_PROGRESS), CaseCommand.REQUEST_EXTENSION, null);
        assertThat(CaseLoop.allowed(asked)).contains(CaseCommand.APPROVE_EXTENSION, CaseCommand.DENY_EXTENSION)
                .doesNotContain(CaseCommand.REQUEST_EXTENSION);
        State approved = CaseLoop.next(asked, CaseCommand.APPROVE_EXTENSION, null);
        assertThat(CaseLoop.allowed(approved)).doesNotContain(CaseCommand.REQUEST_EXTENSION, CaseCommand.APPROVE_EXTENSION);
        State denied = CaseLoop.next(asked, CaseCommand.DENY_EXTENSION, null);
        assertThat(CaseLoop.allowed(denied)).contains(CaseCommand.REQUEST_EXTENSION);
    }

    @Test
    void unsatisfied_reopens_twice_then_goes_to_a_supervisor() {
        State replied = at(CaseStatus.REPLIED);
        State first = CaseLoop.next(replied, CaseCommand.VISIT, Satisfaction.UNSATISFIED);
        assertThat(first.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(first.reopenCount()).isEqualTo(1);
        State second = CaseLoop.next(new State(CaseStatus.REPLIED, false, true, 1, false, true), CaseCommand.VISIT,
                Satisfaction.UNSATISFIED);
        assertThat(second.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(second.reopenCount()).isEqualTo(2);
        assertThat(second.extensionUsed()).isFalse();
        State third = CaseLoop.next(new State(CaseStatus.REPLIED, false, true, 2, false, false), CaseCommand.VISIT,
                Satisfaction.UNSATISFIED);
        assertThat(third.status()).isEqualTo(CaseStatus.SUPERVISOR_REVIEW);
    }

    @Test
    void basically_satisfied_closes_and_a_case_answered_on_the_spot_reopens_to_be_assigned() {
        assertThat(CaseLoop.next(at(CaseStatus.REPLIED), CaseCommand.VISIT, Satisfaction.BASICALLY_SATISFIED).status())
                .isEqualTo(CaseStatus.CLOSED);
        State onTheSpot = CaseLoop.next(State.received(), CaseCommand.ANSWER, null);
        assertThat(CaseLoop.next(onTheSpot, CaseCommand.VISIT, Satisfaction.UNSATISFIED).status())
                .isEqualTo(CaseStatus.RECEIVED);
        assertThatThrownBy(() -> CaseLoop.next(at(CaseStatus.REPLIED), CaseCommand.VISIT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_command_has_a_chinese_label_and_a_path() {
        for (CaseCommand c : CaseCommand.values()) {
            assertThat(c.label()).isNotBlank();
            assertThat(c.path()).matches("[a-z-]+");
        }
        assertThat(CaseCommand.REQUEST_EXTENSION.path()).isEqualTo("request-extension");
    }
}
