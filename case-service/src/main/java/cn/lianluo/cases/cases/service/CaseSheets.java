package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.domain.Stage;
import cn.lianluo.cases.cases.service.CaseDtos.CaseView;
import cn.lianluo.cases.cases.service.CaseDtos.DeadlineView;
import cn.lianluo.cases.cases.service.CaseDtos.TimelineEntry;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.time.Zones;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the printable documents of a case say, worked out from the case as the reader may see it (the citizen's
 * name and phone masked where {@link CaseQueries} masks them): the 交办单 a handling unit receives with a case, and the
 * 督办函 a supervisor sends it. Pure: {@link CaseDocuments} lays the sheet out as a PDF.
 */
public final class CaseSheets {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Zones.CHINA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Map<String, String> HANDED_OVER = Map.of("ASSIGN", "交办时间", "ESCALATE", "上交时间",
            "TRANSFER", "转办时间");
    private static final Map<String, String> ROLES = Map.of("ADMIN", "管理员", "SUPERVISOR", "督办人员",
            "STATION_STAFF", "联络站工作人员", "DEPUTY", "人大代表", "HANDLER", "承办单位", "CITIZEN", "群众");

    /** A printable page: its heading, the rows of its form, the passages below them and when it was made. */
    public record Sheet(String fileName, String heading, List<Row> rows, List<Passage> passages, String footer) {
    }

    /** One line of the form: 诉求标题 | 路面塌陷. */
    public record Row(String label, String value) {
    }

    /** A labelled text of any length: the case's content, the supervisor's words. */
    public record Passage(String label, String text) {
    }

    private CaseSheets() {
    }

    /**
     * 交办单: the case as handed to the unit that handles it now, with the assignment (escalation, transfer) that brought
     * it there and the deadline of its handling. 409 while no unit has it.
     */
    public static Sheet assignmentSheet(CaseView c, Instant madeAt) {
        TimelineEntry handedOver = lastEntry(c, "ASSIGN", "ESCALATE", "TRANSFER").filter(e -> c.unitId() != null)
                .orElseThrow(() -> ProblemException.conflict("not-assigned",
                        "the case has not been assigned to a unit: it has no 交办单 yet (案件尚未交办)"));
        List<Row> rows = new ArrayList<>(header(c));
        rows.add(new Row("诉求人", c.citizen().name() + "（" + c.citizen().phone() + "）"));
        rows.add(new Row("承办单位", c.unitName()));
        rows.add(new Row(HANDED_OVER.get(handedOver.action()), MINUTE.format(handedOver.at())));
        rows.add(new Row("交办人", actor(handedOver)));
        rows.add(new Row("办理时限", due(c.deadlines().get(Stage.HANDLE))));
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage("诉求内容", c.content()));
        if (handedOver.note() != null && !handedOver.note().isBlank()) {
            passages.add(new Passage("交办意见", handedOver.note()));
        }
        passages.add(new Passage("办理要求", "请承办单位签收后在办理时限内办结，并将办理结果答复群众；"
                + "不属于本单位职责的，请在一个工作日内退回交办人。"));
        return new Sheet("assignment-sheet-" + c.id() + ".pdf", "群众诉求交办单", rows, passages, footer(madeAt));
    }

    /** 督办函: the latest supervision notice of the case, addressed to the unit that has it. 409 while none was given. */
    public static Sheet supervisionNotice(CaseView c, Instant madeAt) {
        TimelineEntry supervised = lastEntry(c, "SUPERVISE").orElseThrow(() -> ProblemException.conflict(
                "not-supervised", "the case has not been supervised: it has no 督办函 (案件未被督办)"));
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("被督办单位", c.unitName() == null ? "（尚未交办）" : c.unitName()));
        rows.addAll(header(c));
        rows.add(new Row("当前状态", c.statusName() + (c.overdue() ? "（已超期）" : "")));
        openDeadline(c).ifPresent(d -> rows.add(new Row(d.stageName() + "时限", due(d))));
        rows.add(new Row("督办时间", MINUTE.format(supervised.at())));
        rows.add(new Row("督办人", actor(supervised)));
        List<Passage> passages = List.of(new Passage("督办意见", supervised.note()),
                new Passage("诉求内容", c.content()),
                new Passage("办理要求", "请接函后抓紧办理，在时限内办结并答复群众，办理情况如实记入系统。"));
        return new Sheet("supervision-notice-" + c.id() + ".pdf", "督办函", rows, passages, footer(madeAt));
    }

    private static List<Row> header(CaseView c) {
        return List.of(new Row("案件编号", c.id().toString()),
                new Row("诉求标题", c.title()),
                new Row("诉求类别", c.categoryName() == null ? c.category() : c.categoryName()),
                new Row("紧急程度", c.urgent() ? "紧急" : "一般"),
                // a grid worker's case (网格员上报) says which grid brought it in
                new Row("受理渠道", c.gridId() == null ? c.channelName() : c.channelName() + "（网格 " + c.gridId() + "）"),
                new Row("受理时间", MINUTE.format(c.receivedAt())),
                new Row("行政区划代码", c.regionCode()));
    }

    /** The newest timeline entry of one of the actions. */
    private static Optional<TimelineEntry> lastEntry(CaseView c, String... actions) {
        List<String> wanted = List.of(actions);
        List<TimelineEntry> timeline = c.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (wanted.contains(timeline.get(i).action())) {
                return Optional.of(timeline.get(i));
            }
        }
        return Optional.empty();
    }

    /** The deadline of the stage still open, the latest started first. */
    private static Optional<DeadlineView> openDeadline(CaseView c) {
        return c.deadlines().values().stream().filter(d -> d.metAt() == null)
                .max((a, b) -> a.startedAt().compareTo(b.startedAt()));
    }

    private static String due(DeadlineView d) {
        if (d == null) {
            return "（未起算）";
        }
        return DAY.format(d.dueDate()) + "前（" + d.span() + "个工作日）" + (d.overdue() ? "，已超期" : "");
    }

    /** 张敏（联络站工作人员）: the person's name when the token gave one, else the account's user name. */
    private static String actor(TimelineEntry e) {
        String who = e.actorName() == null ? e.actor() : e.actorName();
        String role = ROLES.getOrDefault(e.actorRole(), e.actorRole());
        return who + "（" + (e.actorUnitName() == null ? role : e.actorUnitName()) + "）";
    }

    private static String footer(Instant madeAt) {
        return "人大代表联络站群众诉求办理系统 " + MINUTE.format(madeAt) + " 生成";
    }
}
