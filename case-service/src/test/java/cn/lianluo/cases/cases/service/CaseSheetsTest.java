package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.CaseKind;
import cn.lianluo.cases.cases.domain.CaseStatus;
import cn.lianluo.cases.cases.domain.Channel;
import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.service.CaseDtos.CaseView;
import cn.lianluo.cases.cases.service.CaseDtos.CitizenView;
import cn.lianluo.cases.cases.service.CaseDtos.DeadlineView;
import cn.lianluo.cases.cases.service.CaseDtos.TimelineEntry;
import cn.lianluo.cases.cases.service.CaseSheets.Passage;
import cn.lianluo.cases.cases.service.CaseSheets.Row;
import cn.lianluo.cases.cases.service.CaseSheets.Sheet;
import cn.lianluo.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseSheetsTest {

    static final UUID ID = UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001");
    static final UUID UNIT = UUID.fromString("6f1c2a9e-0000-4000-8000-0000000000aa");
    static final Instant RECEIVED = Instant.parse("2026-12-01T01:30:00Z"); // 09:30 in China
    static final Instant ASSIGNED = Instant.parse("2026-12-01T02:05:00Z");
    static final Instant MADE = Instant.parse("2026-12-02T06:00:00Z");

    static TimelineEntry entry(String action, String role, String actor, Instant at, String note, UUID unit) {
        return new TimelineEntry(action, action, role, actor, null, null, null, null, at, note, null, unit, null, CaseStatus.ASSIGNED);
    }

    /** An entry by a named person of a handling unit, as the token named them. */
    static TimelineEntry byUnitStaff(String action, String name, String unitName, Instant at, String note, UUID unit) {
        return new TimelineEntry(action, action, "HANDLER", "zhao.gang", "f3b1c2d4", name, UUID.randomUUID(), unitName, at,
                note, null, unit, null, CaseStatus.ASSIGNED);
    }

    static DeadlineView handling(Instant metAt, boolean overdue) {
        return new DeadlineView(Stage.HANDLE, "办理", ASSIGNED, 10, LocalDate.of(2026, 12, 15), null, null, metAt, overdue, false);
    }

    static CaseView view(UUID unit, String unitName, boolean overdue, List<TimelineEntry> timeline) {
        return view(unit, unitName, overdue, timeline, Channel.ONLINE, "网上受理", null);
    }

    static CaseView view(UUID unit, String unitName, boolean overdue, List<TimelineEntry> timeline, Channel channel,
                         String channelName, String gridId) {
        return new CaseView(ID, null, "村口路面塌陷", "水泥路面塌陷一米多宽", "INFRASTRUCTURE", "水电路网等基础设施",
                CaseKind.HELP, true, CaseStatus.ASSIGNED, "已交办", "433124108", null, channel, channelName, gridId,
                new CitizenView("龙*英", "139****5678"), null, unit, unitName, false, false, 0, null,
                Map.of(Stage.HANDLE, handling(null, overdue)), overdue, List.of(), timeline, List.of(), List.of(),
                RECEIVED, null, 3, null, null, null, null, null, null);
    }

    static String value(Sheet sheet, String label) {
        return sheet.rows().stream().filter(r -> r.label().equals(label)).map(Row::value).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + sheet.rows()));
    }

    static List<String> passages(Sheet sheet) {
        return sheet.passages().stream().map(Passage::label).toList();
    }

    @Test
    void the_assignment_sheet_names_the_unit_the_assignment_and_the_handling_deadline() {
        List<TimelineEntry> timeline = List.of(entry("RECEIVED", "CITIZEN", "citizen", RECEIVED, null, null),
                entry("ASSIGN", "STATION_STAFF", "wang.li", ASSIGNED, "请设置警示标志", UNIT));
        Sheet sheet = CaseSheets.assignmentSheet(view(UNIT, "边城镇人民政府", false, timeline), MADE);

        assertThat(sheet.heading()).isEqualTo("群众诉求交办单");
        assertThat(sheet.fileName()).isEqualTo("assignment-sheet-" + ID + ".pdf");
        assertThat(value(sheet, "承办单位")).isEqualTo("边城镇人民政府");
        assertThat(value(sheet, "交办时间")).isEqualTo("2026年12月1日 10:05");
        assertThat(value(sheet, "受理时间")).isEqualTo("2026年12月1日 09:30");
        assertThat(value(sheet, "交办人")).isEqualTo("wang.li（联络站工作人员）");
        assertThat(value(sheet, "办理时限")).isEqualTo("2026年12月15日前（10个工作日）");
        assertThat(value(sheet, "紧急程度")).isEqualTo("紧急");
        assertThat(value(sheet, "诉求类别")).isEqualTo("水电路网等基础设施");
        // the citizen as the reader may see them: masked here
        assertThat(value(sheet, "诉求人")).isEqualTo("龙*英（139****5678）");
        assertThat(passages(sheet)).containsExactly("诉求内容", "交办意见", "办理要求");
        assertThat(sheet.footer()).contains("2026年12月2日 14:00");
    }

    @Test
    void a_grid_workers_case_names_its_grid_beside_the_channel() {
        List<TimelineEntry> timeline = List.of(entry("ASSIGN", "STATION_STAFF", "wang.li", ASSIGNED, null, UNIT));
        Sheet grid = CaseSheets.assignmentSheet(view(UNIT, "边城镇人民政府", false, timeline, Channel.GRID, "网格员上报",
                "433124108-03"), MADE);
        Sheet online = CaseSheets.assignmentSheet(view(UNIT, "边城镇人民政府", false, timeline), MADE);

        assertThat(value(grid, "受理渠道")).isEqualTo("网格员上报（网格 433124108-03）");
        assertThat(value(online, "受理渠道")).isEqualTo("网上受理");
    }

    @Test
    void after_an_escalation_the_sheet_is_the_escalations_and_a_missing_note_leaves_no_empty_passage() {
        List<TimelineEntry> timeline = new ArrayList<>(List.of(
                entry("ASSIGN", "STATION_STAFF", "wang.li", ASSIGNED, "先行核实", UUID.randomUUID()),
                byUnitStaff("ESCALATE", "赵刚", "边城镇人民政府", ASSIGNED.plusSeconds(3600), " ", UNIT)));
        Sheet sheet = CaseSheets.assignmentSheet(view(UNIT, "花垣县交通运输局", false, timeline), MADE);

        assertThat(value(sheet, "上交时间")).isEqualTo("2026年12月1日 11:05");
        // the person and their unit, as the token named them
        assertThat(value(sheet, "交办人")).isEqualTo("赵刚（边城镇人民政府）");
        assertThat(passages(sheet)).containsExactly("诉求内容", "办理要求");
    }

    @Test
    void after_a_transfer_the_sheet_is_the_transfers() {
        List<TimelineEntry> timeline = List.of(entry("ASSIGN", "STATION_STAFF", "wang.li", ASSIGNED, "先行核实", UUID.randomUUID()),
                entry("TRANSFER", "STATION_STAFF", "wang.li", ASSIGNED.plusSeconds(1800), "应由水利站办理", UNIT));
        Sheet sheet = CaseSheets.assignmentSheet(view(UNIT, "边城镇水利站", false, timeline), MADE);

        assertThat(value(sheet, "转办时间")).isEqualTo("2026年12月1日 10:35");
        assertThat(sheet.passages()).contains(new Passage("交办意见", "应由水利站办理"));
    }

    @Test
    void no_assignment_sheet_while_no_unit_has_the_case() {
        CaseView received = view(null, null, false, List.of(entry("RECEIVED", "CITIZEN", "citizen", RECEIVED, null, null)));
        assertThatThrownBy(() -> CaseSheets.assignmentSheet(received, MADE)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status() + " " + p.kind()).isEqualTo("409 not-assigned"));
    }

    @Test
    void the_supervision_notice_is_the_latest_supervision_and_says_the_case_is_overdue() {
        List<TimelineEntry> timeline = List.of(entry("ASSIGN", "STATION_STAFF", "wang.li", ASSIGNED, null, UNIT),
                entry("SUPERVISE", "SUPERVISOR", "li.jian", ASSIGNED.plusSeconds(86_400), "第一次督办", null),
                entry("SUPERVISE", "SUPERVISOR", "li.jian", ASSIGNED.plusSeconds(2 * 86_400), "再次督办，限期办结", null));
        Sheet sheet = CaseSheets.supervisionNotice(view(UNIT, "边城镇人民政府", true, timeline), MADE);

        assertThat(sheet.heading()).isEqualTo("督办函");
        assertThat(sheet.rows().get(0)).isEqualTo(new Row("被督办单位", "边城镇人民政府"));
        assertThat(value(sheet, "督办时间")).isEqualTo("2026年12月3日 10:05");
        assertThat(value(sheet, "督办人")).isEqualTo("li.jian（督办人员）");
        assertThat(value(sheet, "当前状态")).isEqualTo("已交办（已超期）");
        assertThat(value(sheet, "办理时限")).isEqualTo("2026年12月15日前（10个工作日），已超期");
        assertThat(sheet.passages().get(0)).isEqualTo(new Passage("督办意见", "再次督办，限期办结"));
    }

    @Test
    void no_supervision_notice_for_a_case_never_supervised() {
        CaseView assigned = view(UNIT, "边城镇人民政府", false, List.of(entry("ASSIGN", "STATION_STAFF", "wang.li", ASSIGNED, null, UNIT)));
        assertThatThrownBy(() -> CaseSheets.supervisionNotice(assigned, MADE)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status() + " " + p.kind()).isEqualTo("409 not-supervised"));
    }
}
