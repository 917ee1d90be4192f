package cn.lianluo.cases.cases.domain;

import cn.lianluo.cases.cases.domain.CaseEffect.AnsweredOnTheSpot;
import cn.lianluo.cases.cases.domain.CaseEffect.AskExtension;
import cn.lianluo.cases.cases.domain.CaseEffect.AssignUnit;
import cn.lianluo.cases.cases.domain.CaseEffect.ClearClosure;
import cn.lianluo.cases.cases.domain.CaseEffect.ClearDuplicateFlag;
import cn.lianluo.cases.cases.domain.CaseEffect.CloseCase;
import cn.lianluo.cases.cases.domain.CaseEffect.DropExtension;
import cn.lianluo.cases.cases.domain.CaseEffect.GrantExtension;
import cn.lianluo.cases.cases.domain.CaseEffect.MeetOpenDeadline;
import cn.lianluo.cases.cases.domain.CaseEffect.MergeInto;
import cn.lianluo.cases.cases.domain.CaseEffect.RecordSatisfaction;
import cn.lianluo.cases.cases.domain.CaseEffect.RestartClock;
import cn.lianluo.cases.cases.domain.CaseEffect.StartStage;
import cn.lianluo.cases.cases.domain.CaseEffect.StartStageAfresh;
import cn.lianluo.cases.cases.domain.CaseEffect.StopClock;
import cn.lianluo.cases.cases.domain.CaseEffect.UnassignUnit;
import cn.lianluo.cases.cases.domain.CaseLoop.State;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static cn.lianluo.cases.cases.domain.TestCase.CITY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_TRANSPORT_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.OTHER_COUNTY_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.TOWNSHIP_UNIT;
import static cn.lianluo.cases.cases.domain.TestCase.handled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The effects, event and timeline line of each command, and the order in which its rules are checked. */
class CaseLoopDecideTest {

    static State at(CaseStatus status) {
        return new State(status, false, true, 0, false, false);
    }

    @Test
    void answering_on_the_spot_meets_the_assignment_deadline_and_starts_the_visit() {
        Transition t = CaseLoop.decide(State.received(), CaseCommand.ANSWER,
                new TestCase(TestCase.content(" 已答复 "), null, Optional.empty(), 15));
        assertThat(t.next().status()).isEqualTo(CaseStatus.REPLIED);
        assertThat(t.effects()).containsExactly(new AnsweredOnTheSpot(), new MeetOpenDeadline(), new StartStage(Stage.VISIT));
        assertThat(t.event()).isEqualTo("answered");
        assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("ANSWER", "已答复", "已答复", null));
    }

    @Test
    void assigning_gives_the_case_to_a_responsible_unit_and_starts_the_handling_stage() {
        Transition t = CaseLoop.decide(State.received(), CaseCommand.ASSIGN, handled(TestCase.unit(TOWNSHIP_UNIT.id(), null)));
        assertThat(t.effects()).containsExactly(new AssignUnit(TOWNSHIP_UNIT.id()), new MeetOpenDeadline(),
                new StartStage(Stage.HANDLE));
        assertThat(t.event()).isEqualTo("assigned");
        assertThat(t.timeline().unitId()).isEqualTo(TOWNSHIP_UNIT.id());
    }

    @Test
    void assigning_to_a_unit_of_another_county_is_refused() {
        assertThatThrownBy(() -> CaseLoop.decide(State.received(), CaseCommand.ASSIGN,
                handled(TestCase.unit(OTHER_COUNTY_UNIT.id(), null))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("unit-outside-region"));
    }

    @Test
    void escalating_goes_to_a_unit_higher_up_that_answers_for_the_region() {
        Transition t = CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.ESCALATE,
                handled(TestCase.unit(CITY_UNIT.id(), "超出本级职权")));
        assertThat(t.next().status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(t.effects()).containsExactly(new AssignUnit(CITY_UNIT.id()), new MeetOpenDeadline(),
                new StartStage(Stage.HANDLE));
        assertThat(t.event()).isEqualTo("escalated");
        assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("ESCALATE", "超出本级职权", null, CITY_UNIT.id()));
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.ESCALATE,
                handled(TestCase.unit(TOWNSHIP_UNIT.id(), "下交"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("escalation-level"));
    }

    @Test
    void a_unit_outside_the_region_is_named_before_its_level() {
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.ESCALATE,
                handled(TestCase.unit(OTHER_COUNTY_UNIT.id(), "平级"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("unit-outside-region"));
    }

    @Test
    void a_command_the_state_rejects_reads_no_unit() {
        TestCase context = handled(TestCase.unit(COUNTY_UNIT.id(), "上交"));
        assertThatThrownBy(() -> CaseLoop.decide(State.received(), CaseCommand.ESCALATE, context))
                .isInstanceOf(CaseLoop.Rejected.class);
        assertThat(context.lookedUp).isEmpty();
    }

    @Test
    void a_missing_field_is_reported_before_the_state_is_checked() {
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.CLOSED), CaseCommand.ASSIGN, handled(TestCase.nothing())))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
    }

    @Test
    void a_satisfied_visit_records_the_satisfaction_and_closes_the_case() {
        Transition t = CaseLoop.decide(at(CaseStatus.REPLIED), CaseCommand.VISIT,
                handled(TestCase.satisfaction(Satisfaction.SATISFIED)));
        assertThat(t.next().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(t.effects()).containsExactly(new MeetOpenDeadline(), new RecordSatisfaction(Satisfaction.SATISFIED),
                new CloseCase());
        assertThat(t.event()).isEqualTo("visited");
        assertThat(t.timeline().action()).isEqualTo("VISIT");
    }

    @Test
    void an_unsatisfied_visit_reopens_the_case_with_a_new_handling_stage() {
        Transition t = CaseLoop.decide(at(CaseStatus.REPLIED), CaseCommand.VISIT,
                handled(TestCase.satisfaction(Satisfaction.UNSATISFIED)));
        assertThat(t.next().status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(t.effects()).containsExactly(new MeetOpenDeadline(), new RecordSatisfaction(Satisfaction.UNSATISFIED),
                new ClearClosure(), new StartStage(Stage.HANDLE));
        assertThat(t.event()).isEqualTo("visited");
    }

    @Test
    void the_third_unsatisfied_visit_goes_to_a_supervisor_under_its_own_event_and_timeline_name() {
        State twiceReopened = new State(CaseStatus.REPLIED, false, true, 2, false, false);
        Transition t = CaseLoop.decide(twiceReopened, CaseCommand.VISIT, handled(TestCase.satisfaction(Satisfaction.UNSATISFIED)));
        assertThat(t.next().status()).isEqualTo(CaseStatus.SUPERVISOR_REVIEW);
        assertThat(t.effects()).containsExactly(new MeetOpenDeadline(), new RecordSatisfaction(Satisfaction.UNSATISFIED),
                new ClearClosure());
        assertThat(t.event()).isEqualTo("escalated-to-supervisor");
        assertThat(t.timeline().action()).isEqualTo("ESCALATED_TO_SUPERVISOR");
    }

    @Test
    void a_third_reopening_goes_to_a_supervisor_and_keeps_its_timeline_name() {
        State closed = new State(CaseStatus.CLOSED, false, true, 2, false, false);
        Transition t = CaseLoop.decide(closed, CaseCommand.REOPEN, handled(TestCase.reason("群众再次反映")));
        assertThat(t.event()).isEqualTo("escalated-to-supervisor");
        assertThat(t.timeline().action()).isEqualTo("REOPEN");
        assertThat(t.timeline().note()).isEqualTo("群众再次反映");
    }

    @Test
    void reopening_a_case_answered_on_the_spot_starts_the_assignment_stage_again() {
        State answered = new State(CaseStatus.CLOSED, false, false, 0, false, false);
        Transition t = CaseLoop.decide(answered, CaseCommand.REOPEN, handled(TestCase.reason("未解决")));
        assertThat(t.next().status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(t.effects()).containsExactly(new MeetOpenDeadline(), new ClearClosure(), new StartStage(Stage.ASSIGN));
        assertThat(t.event()).isEqualTo("reopened");
    }

    @Test
    void closing_after_the_reply_closes_the_case() {
        Transition t = CaseLoop.decide(at(CaseStatus.REPLIED), CaseCommand.CLOSE,
                handled(new CommandInput(null, null, "群众未接电话", null, null, null, null)));
        assertThat(t.effects()).containsExactly(new MeetOpenDeadline(), new CloseCase());
        assertThat(t.event()).isEqualTo("closed");
    }

    @Test
    void handling_and_replying_start_the_next_stage() {
        Transition done = CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.COMPLETE,
                handled(new CommandInput(null, null, null, "路灯已修复", null, null, null)));
        assertThat(done.effects()).containsExactly(new MeetOpenDeadline(), new StartStage(Stage.REPLY));
        assertThat(done.timeline().told()).isEqualTo("路灯已修复");
        Transition replied = CaseLoop.decide(at(CaseStatus.HANDLED), CaseCommand.REPLY, handled(TestCase.content("已答复")));
        assertThat(replied.effects()).containsExactly(new MeetOpenDeadline(), new StartStage(Stage.VISIT));
    }

    @Test
    void pausing_stops_the_clock_and_resuming_restarts_it() {
        Transition paused = CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.PAUSE, handled(TestCase.reason("等待鉴定")));
        assertThat(paused.effects()).containsExactly(new StopClock());
        Transition resumed = CaseLoop.decide(paused.next(), CaseCommand.RESUME, handled(TestCase.nothing()));
        assertThat(resumed.effects()).containsExactly(new RestartClock());
        assertThat(resumed.event()).isEqualTo("resumed");
    }

    @Test
    void an_extension_is_asked_within_the_policy_then_granted_or_dropped() {
        Transition asked = CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.REQUEST_EXTENSION,
                handled(TestCase.extension(5)));
        assertThat(asked.effects()).containsExactly(new AskExtension(5));
        assertThat(asked.event()).isEqualTo("extension-requested");
        assertThat(CaseLoop.decide(asked.next(), CaseCommand.APPROVE_EXTENSION, handled(TestCase.nothing())).effects())
                .containsExactly(new GrantExtension());
        assertThat(CaseLoop.decide(asked.next(), CaseCommand.DENY_EXTENSION, handled(TestCase.nothing())).effects())
                .containsExactly(new DropExtension());
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.REQUEST_EXTENSION,
                handled(TestCase.extension(16))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.getMessage()).contains("15 working days"));
    }

    @Test
    void accepting_and_supervising_change_nothing_but_the_state_and_the_timeline() {
        Transition accepted = CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.ACCEPT, handled(TestCase.nothing()));
        assertThat(accepted.effects()).isEmpty();
        assertThat(accepted.next().status()).isEqualTo(CaseStatus.IN_PROGRESS);
        Transition supervised = CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.SUPERVISE,
                handled(new CommandInput(null, null, "请加快办理", null, null, null, null)));
        assertThat(supervised.effects()).isEmpty();
        assertThat(supervised.event()).isEqualTo("supervised");
        assertThat(supervised.timeline().note()).isEqualTo("请加快办理");
    }

    static CommandInput transferTo(UUID unitId, String reason) {
        return new CommandInput(null, unitId, null, null, null, reason, null);
    }

    @Test
    void transferring_passes_the_case_sideways_and_leaves_the_handling_clock_running() {
        for (CaseStatus from : new CaseStatus[] {CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS}) {
            Transition t = CaseLoop.decide(at(from), CaseCommand.TRANSFER,
                    handled(transferTo(COUNTY_TRANSPORT_UNIT.id(), " 属交通部门职责 ")));
            assertThat(t.next().status()).isEqualTo(CaseStatus.ASSIGNED);
            assertThat(t.next().hasUnit()).isTrue();
            // no deadline is met and none is started: the clock goes on
            assertThat(t.effects()).containsExactly(new AssignUnit(COUNTY_TRANSPORT_UNIT.id()));
            assertThat(t.event()).isEqualTo("transferred");
            assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("TRANSFER", "属交通部门职责", null,
                    COUNTY_TRANSPORT_UNIT.id()));
        }
    }

    @Test
    void a_transfer_keeps_an_extension_asked_or_granted_for_the_running_clock() {
        State asked = new State(CaseStatus.IN_PROGRESS, false, true, 1, true, false);
        State next = CaseLoop.decide(asked, CaseCommand.TRANSFER, handled(transferTo(COUNTY_TRANSPORT_UNIT.id(), "转交"))).next();
        assertThat(next).isEqualTo(new State(CaseStatus.ASSIGNED, false, true, 1, true, false));
    }

    @Test
    void transferring_to_another_level_to_the_same_unit_or_outside_the_region_is_refused() {
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.TRANSFER,
                handled(transferTo(CITY_UNIT.id(), "上级"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.kind()).isEqualTo("transfer-level");
                });
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.TRANSFER,
                handled(transferTo(COUNTY_UNIT.id(), "自己"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("transfer-same-unit"));
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.TRANSFER,
                handled(transferTo(OTHER_COUNTY_UNIT.id(), "邻区"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("unit-outside-region"));
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.ASSIGNED), CaseCommand.TRANSFER,
                handled(transferTo(COUNTY_TRANSPORT_UNIT.id(), " "))))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.getMessage()).isEqualTo("reason: required for transfer");
                });
    }

    @Test
    void returning_within_the_window_unassigns_the_case_ends_the_handling_stage_and_restarts_the_assignment_clock() {
        State asked = new State(CaseStatus.ASSIGNED, false, true, 1, true, false);
        Transition t = CaseLoop.decide(asked, CaseCommand.RETURN, handled(TestCase.reason(" 不属本单位职责 "))
                .assignedAt(TestCase.NOW, TestCase.NOW.plusSeconds(3_600)));
        assertThat(t.next()).isEqualTo(new State(CaseStatus.RECEIVED, false, false, 1, false, false));
        assertThat(t.effects()).containsExactly(new UnassignUnit(), new MeetOpenDeadline(), new StartStage(Stage.ASSIGN));
        assertThat(t.event()).isEqualTo("returned");
        assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("RETURN", "不属本单位职责", null, null));
        // waiting to be assigned again, as a new case does
        assertThat(CaseLoop.allowed(t.next())).isEqualTo(CaseLoop.allowed(State.received()));
    }

    @Test
    void returning_after_the_window_is_a_conflict_that_says_the_window_closed() {
        // assigned on Friday 2026-03-06: the window runs to the end of Monday 2026-03-09
        Instant friday = DeadlineTest.at("2026-03-06T16:00");
        TestCase late = handled(TestCase.reason("不属本单位职责")).assignedAt(friday, DeadlineTest.at("2026-03-10T00:00"));
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.RETURN, late))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.kind()).isEqualTo("return-window-closed");
                    assertThat(p.getMessage()).contains("window").contains("closed").contains("2026-03-09");
                });
        TestCase inTime = handled(TestCase.reason("不属本单位职责")).assignedAt(friday, DeadlineTest.at("2026-03-09T23:59"));
        assertThat(CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.RETURN, inTime).event()).isEqualTo("returned");
    }

    @Test
    void an_escalation_keeps_the_handling_clock_unless_a_supervisor_resets_it() {
        Transition kept = CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.ESCALATE,
                handled(TestCase.unit(CITY_UNIT.id(), "超出本级职权")));
        // StartStage takes over the open handling deadline (Deadline#takeOver): what was left, not a fresh limit
        assertThat(kept.effects()).contains(new StartStage(Stage.HANDLE)).doesNotContain(new StartStageAfresh(Stage.HANDLE));
        Transition reset = CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.ESCALATE,
                handled(new CommandInput(null, CITY_UNIT.id(), "重新计时", null, null, null, null, true)));
        assertThat(reset.effects()).containsExactly(new AssignUnit(CITY_UNIT.id()), new MeetOpenDeadline(),
                new StartStageAfresh(Stage.HANDLE));
        assertThat(reset.event()).isEqualTo("escalated");
    }

    @Test
    void assigning_a_county_matter_to_a_township_unit_needs_a_reason() {
        assertThatThrownBy(() -> CaseLoop.decide(State.received(), CaseCommand.ASSIGN,
                handled(TestCase.unit(TOWNSHIP_UNIT.id(), null)).categoryLevel(RegionLevel.COUNTY)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.kind()).isEqualTo("assignment-below-category-level"));
        Transition t = CaseLoop.decide(State.received(), CaseCommand.ASSIGN,
                handled(new CommandInput(null, TOWNSHIP_UNIT.id(), null, null, null, "属地先行核实", null))
                        .categoryLevel(RegionLevel.COUNTY));
        assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("ASSIGN", "属地先行核实", null, TOWNSHIP_UNIT.id()));
        // to the county's own unit no reason is asked
        assertThat(CaseLoop.decide(State.received(), CaseCommand.ASSIGN,
                handled(TestCase.unit(COUNTY_UNIT.id(), null)).categoryLevel(RegionLevel.COUNTY)).event()).isEqualTo("assigned");
    }

    @Test
    void merging_a_duplicate_meets_its_open_deadline_and_ends_it_in_the_open_case_of_its_county() {
        for (CaseStatus from : new CaseStatus[] {CaseStatus.RECEIVED, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS}) {
            State flagged = new State(from, false, from != CaseStatus.RECEIVED, 0, false, false, true);
            Transition t = CaseLoop.decide(flagged, CaseCommand.MERGE, handled(TestCase.mergeInto(TestCase.OPEN_CASE.id())));
            assertThat(t.next().status()).isEqualTo(CaseStatus.MERGED);
            assertThat(t.next().possibleDuplicate()).isFalse();
            assertThat(t.effects()).containsExactly(new MeetOpenDeadline(), new MergeInto(TestCase.OPEN_CASE.id()));
            assertThat(t.event()).isEqualTo("merged");
            assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("MERGE", null, null, null));
            // the end of the duplicate: nothing more is done to it
            assertThat(CaseLoop.allowed(t.next())).isEmpty();
        }
    }

    @Test
    void merging_into_itself_another_county_a_closed_or_merged_case_or_none_is_refused() {
        record Refused(UUID into, int status, String kind) {
        }
        State flagged = State.received().flagged(true);
        for (Refused r : new Refused[] {
                new Refused(TestCase.SELF, 422, "merge-into-itself"),
                new Refused(TestCase.OTHER_COUNTY_CASE.id(), 422, "merge-other-county"),
                new Refused(TestCase.CLOSED_CASE.id(), 409, "merge-target-closed"),
                new Refused(TestCase.MERGED_CASE.id(), 409, "merge-target-merged"),
                new Refused(UUID.randomUUID(), 422, "unknown-case")}) {
            assertThatThrownBy(() -> CaseLoop.decide(flagged, CaseCommand.MERGE, handled(TestCase.mergeInto(r.into()))))
                    .as(r.kind())
                    .isInstanceOfSatisfying(ProblemException.class, p -> {
                        assertThat(p.status()).isEqualTo(r.status());
                        assertThat(p.kind()).isEqualTo(r.kind());
                    });
        }
        assertThatThrownBy(() -> CaseLoop.decide(flagged, CaseCommand.MERGE, handled(TestCase.nothing())))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.getMessage()).isEqualTo("intoCaseId: required for merge");
                });
        // after its handling there is an answer of its own: too late to merge
        assertThatThrownBy(() -> CaseLoop.decide(new State(CaseStatus.HANDLED, false, true, 0, false, false, true),
                CaseCommand.MERGE, handled(TestCase.mergeInto(TestCase.OPEN_CASE.id())))).isInstanceOf(CaseLoop.Rejected.class);
        // a case not flagged is no duplicate to merge: a conflict that says so, before the state's rule
        assertThatThrownBy(() -> CaseLoop.decide(State.received(), CaseCommand.MERGE,
                handled(TestCase.mergeInto(TestCase.OPEN_CASE.id()))))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.kind()).isEqualTo("not-a-possible-duplicate");
                    assertThat(p.getMessage()).contains("nothing to merge");
                });
    }

    @Test
    void unlinking_clears_the_flag_and_changes_nothing_else_and_a_case_without_one_is_a_conflict() {
        State flagged = new State(CaseStatus.IN_PROGRESS, false, true, 1, true, false, true);
        Transition t = CaseLoop.decide(flagged, CaseCommand.UNLINK, handled(TestCase.reason("不同事项")));
        assertThat(t.next()).isEqualTo(new State(CaseStatus.IN_PROGRESS, false, true, 1, true, false, false));
        assertThat(t.effects()).containsExactly(new ClearDuplicateFlag());
        assertThat(t.event()).isEqualTo("unlinked");
        assertThat(t.timeline()).isEqualTo(new Transition.TimelineEntry("UNLINK", "不同事项", null, null));
        assertThatThrownBy(() -> CaseLoop.decide(at(CaseStatus.IN_PROGRESS), CaseCommand.UNLINK, handled(TestCase.nothing())))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(409);
                    assertThat(p.kind()).isEqualTo("not-a-possible-duplicate");
                });
    }
}
