package cn.lianluo.scoring.service;

import cn.lianluo.common.events.contract.CaseEvents;
import cn.lianluo.common.events.contract.DeputyEvents;
import cn.lianluo.common.events.contract.StationEvents;
import cn.lianluo.scoring.domain.FactType;
import cn.lianluo.scoring.service.FactsFromEvent.DeputyFact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facts each event type tells, in plain JUnit: JSON in (read as the contract's record, as the consumer does), facts out. */
class FactsFromEventTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID STATION = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
    /** 16:30 UTC is already the next day in China: facts fall on the Chinese day. */
    static final String LATE_AT = "2026-05-03T16:30:00Z";
    static final LocalDate CHINESE_DAY = LocalDate.of(2026, 5, 4);

    static JsonNode data(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The data as the consumer reads it: the record the topic's contract names for the type. */
    static List<DeputyFact> facts(String type, String json) {
        Class<? extends Record> record = Stream.of(StationEvents.CONTRACT, DeputyEvents.CONTRACT, CaseEvents.CONTRACT)
                .filter(c -> c.knows(type)).findFirst().orElseThrow().dataOf(type);
        try {
            return FactsFromEvent.of(type, JSON.treeToValue(data(json), record));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void a_reception_is_a_station_entry_of_each_deputy_named_at_its_station_on_its_day() {
        assertThat(facts(FactsFromEvent.RECEPTION_HELD, "{'stationId':'" + STATION + "','regionCode':'430822207',"
                + "'date':'2026-06-08','deputyIds':['" + A + "','" + B + "'],'visitors':5}")).containsExactly(
                new DeputyFact(A, FactType.STATION_ENTRY, LocalDate.of(2026, 6, 8), "430822207", STATION),
                new DeputyFact(B, FactType.STATION_ENTRY, LocalDate.of(2026, 6, 8), "430822207", STATION));
        assertThat(facts(FactsFromEvent.RECEPTION_HELD, "{'stationId':'" + STATION + "','regionCode':'430822207',"
                + "'date':'2026-06-08','deputyIds':[]}")).isEmpty();
    }

    @Test
    void an_activity_is_a_fact_of_its_kind_for_each_participant() {
        assertThat(facts(FactsFromEvent.ACTIVITY_HELD, "{'kind':'SURVEY','regionCode':'430822','date':'2026-03-02',"
                + "'participantDeputyIds':['" + A + "']}"))
                .containsExactly(new DeputyFact(A, FactType.ACTIVITY_SURVEY, LocalDate.of(2026, 3, 2), "430822", null));
        assertThatThrownBy(() -> facts(FactsFromEvent.ACTIVITY_HELD, "{'kind':'PICNIC','regionCode':'430822',"
                + "'date':'2026-03-02','participantDeputyIds':['" + A + "']}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_report_to_the_voters_is_a_fact_of_the_reporting_deputy_alone() {
        assertThat(facts(FactsFromEvent.ACTIVITY_HELD, "{'kind':'REPORT','regionCode':'430822207','date':'2026-12-02',"
                + "'stationId':'" + STATION + "','participantDeputyIds':['" + A + "','" + B + "'],'reportingDeputyId':'" + B + "'}"))
                .containsExactly(new DeputyFact(B, FactType.ACTIVITY_REPORT, LocalDate.of(2026, 12, 2), "430822207", null));
        // a REPORT that names no reporter is a broken event, not a report of nobody
        assertThatThrownBy(() -> facts(FactsFromEvent.ACTIVITY_HELD, "{'kind':'REPORT','regionCode':'430822207',"
                + "'date':'2026-12-02','participantDeputyIds':['" + A + "']}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_received_or_answered_case_is_a_fact_of_the_receiving_deputy_on_the_chinese_day_and_of_nobody_without_one() {
        String received = "{'receivingDeputyId':'" + A + "','regionCode':'430822207','at':'" + LATE_AT + "'}";
        assertThat(facts(FactsFromEvent.CASE_RECEIVED, received))
                .containsExactly(new DeputyFact(A, FactType.CASE_RECEIVED, CHINESE_DAY, "430822207", null));
        assertThat(facts(FactsFromEvent.CASE_ANSWERED, received))
                .containsExactly(new DeputyFact(A, FactType.CASE_ANSWERED_ON_THE_SPOT, CHINESE_DAY, "430822207", null));
        assertThat(facts(FactsFromEvent.CASE_RECEIVED, "{'receivingDeputyId':null,'regionCode':'43','at':'" + LATE_AT + "'}"))
                .isEmpty();
        assertThat(facts(FactsFromEvent.CASE_ANSWERED, "{'regionCode':'43','at':'" + LATE_AT + "'}")).isEmpty();
        assertThat(facts(FactsFromEvent.CASE_RECEIVED, "{'receivingDeputyId':'','regionCode':'43','at':'" + LATE_AT + "'}"))
                .isEmpty();
    }

    @Test
    void a_case_s_fact_carries_the_case_so_a_merge_can_withdraw_it() {
        UUID caseId = UUID.randomUUID();
        String received = "{'caseId':'" + caseId + "','receivingDeputyId':'" + A + "','regionCode':'430822207','at':'"
                + LATE_AT + "'}";
        assertThat(facts(FactsFromEvent.CASE_RECEIVED, received)).extracting(DeputyFact::caseId).containsExactly(caseId);
    }

    static String visit(String status, String satisfaction, String rater, String intakeRole) {
        return "{'receivingDeputyId':'" + A + "','regionCode':'430822207','at':'" + LATE_AT + "','status':'" + status
                + "','satisfaction':'" + satisfaction + "','actorRole':'" + rater + "'"
                + (intakeRole == null ? "" : ",'intakeRole':'" + intakeRole + "'") + "}";
    }

    /** A visited event as case-service publishes it now: it says whether the visit closed the case satisfied. */
    static String visit(boolean satisfied, String status, String satisfaction, String rater, String intakeRole) {
        return visit(status, satisfaction, rater, intakeRole).replace("}", ",'satisfied':" + satisfied + "}");
    }

    @Test
    void a_visit_that_says_whether_it_closed_the_case_satisfied_is_taken_at_its_word() {
        DeputyFact satisfied = new DeputyFact(A, FactType.CASE_CLOSED_SATISFIED, CHINESE_DAY, "430822207", null);
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit(true, "CLOSED", "BASICALLY_SATISFIED", "STATION_STAFF", null)))
                .containsExactly(satisfied);
        // the field decides, not the satisfaction and the status
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit(false, "CLOSED", "SATISFIED", "CITIZEN", null))).isEmpty();
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit(true, "REOPENED", "UNSATISFIED", "CITIZEN", null)))
                .containsExactly(satisfied);
        // who rated still counts: never the deputy's own, nor a "citizen's" rating of a case the deputy took in
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit(true, "CLOSED", "SATISFIED", "DEPUTY", null))).isEmpty();
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit(true, "CLOSED", "SATISFIED", "CITIZEN", "DEPUTY"))).isEmpty();
    }

    /** Visited events published before they carried {@code satisfied}: read from the status and the satisfaction. */
    @Test
    void a_visit_scores_the_receiving_deputy_only_when_it_closes_the_case_satisfied_by_an_independent_rater() {
        DeputyFact satisfied = new DeputyFact(A, FactType.CASE_CLOSED_SATISFIED, CHINESE_DAY, "430822207", null);
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit("CLOSED", "SATISFIED", "CITIZEN", "STATION_STAFF")))
                .containsExactly(satisfied);
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit("CLOSED", "BASICALLY_SATISFIED", "CITIZEN", null)))
                .containsExactly(satisfied);
        for (String staff : List.of("ADMIN", "SUPERVISOR", "STATION_STAFF")) {
            assertThat(facts(FactsFromEvent.CASE_VISITED, visit("CLOSED", "SATISFIED", staff, "DEPUTY"))).as(staff)
                    .containsExactly(satisfied);
        }
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit("CLOSED", "SATISFIED", "CITIZEN", "DEPUTY")))
                .as("a citizen's rating of a case the deputy took in themself").isEmpty();
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit("CLOSED", "SATISFIED", "DEPUTY", null))).as("the deputy's own").isEmpty();
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit("CLOSED", "DISSATISFIED", "CITIZEN", null))).isEmpty();
        assertThat(facts(FactsFromEvent.CASE_VISITED, visit("REOPENED", "SATISFIED", "CITIZEN", null))).isEmpty();
    }

    @Test
    void suggestions_score_the_lead_deputy_and_a_co_signer_when_they_confirm() {
        String lead = "{'leadDeputyId':'" + A + "','deputyId':'" + B + "','regionCode':'4308','at':'" + LATE_AT + "'}";
        assertThat(facts(FactsFromEvent.SUGGESTION_SUBMITTED, lead))
                .containsExactly(new DeputyFact(A, FactType.SUGGESTION_MADE, CHINESE_DAY, "4308", null));
        assertThat(facts(FactsFromEvent.SUGGESTION_MARKED_KEY, lead))
                .containsExactly(new DeputyFact(A, FactType.KEY_SUGGESTION, CHINESE_DAY, "4308", null));
        assertThat(facts(FactsFromEvent.SUGGESTION_CO_SIGNED, lead))
                .containsExactly(new DeputyFact(B, FactType.SUGGESTION_JOINED, CHINESE_DAY, "4308", null));
    }

    @Test
    void a_vote_and_a_supervision_of_a_livelihood_project_score_the_deputy_named() {
        String deputy = "{'deputyId':'" + B + "','regionCode':'430822','at':'2026-01-10T02:00:00Z'}";
        assertThat(facts(FactsFromEvent.PROJECT_VOTE_CAST, deputy))
                .containsExactly(new DeputyFact(B, FactType.VOTE_CAST, LocalDate.of(2026, 1, 10), "430822", null));
        assertThat(facts(FactsFromEvent.PROJECT_SUPERVISED, deputy))
                .containsExactly(new DeputyFact(B, FactType.PROJECT_SUPERVISION, LocalDate.of(2026, 1, 10), "430822", null));
    }

    @Test
    void a_deputy_s_comment_on_a_draft_law_scores_the_deputy_and_a_citizen_s_scores_no_one() {
        String byDeputy = "{'draftId':'" + UUID.randomUUID() + "','regionCode':'4308','commenterRegionCode':'430822',"
                + "'deputyId':'" + B + "','at':'2026-01-10T02:00:00Z'}";
        assertThat(facts(FactsFromEvent.DRAFT_COMMENTED, byDeputy))
                .containsExactly(new DeputyFact(B, FactType.DRAFT_COMMENT, LocalDate.of(2026, 1, 10), "430822", null));
        String byCitizen = "{'draftId':'" + UUID.randomUUID() + "','regionCode':'4308','commenterRegionCode':'430822',"
                + "'at':'2026-01-10T02:00:00Z'}";
        assertThat(facts(FactsFromEvent.DRAFT_COMMENTED, byCitizen)).isEmpty();
    }

    @Test
    void every_type_it_names_tells_facts_and_another_type_is_refused() {
        assertThat(FactsFromEvent.TYPES).hasSize(11).doesNotHaveDuplicates()
                .allMatch(t -> t.matches("lianluo\\.(station|case)\\.[a-z-]+\\.v1"));
        assertThatThrownBy(() -> facts("lianluo.deputy.registered.v1", "{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
