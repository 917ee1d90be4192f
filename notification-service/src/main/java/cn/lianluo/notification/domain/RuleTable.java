package cn.lianluo.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who hears what (docs/notifications.md): each rule names an event type, an audience, a template and the facts it
 * gives the template. The facts of an event are read by the service ({@code caseNo}, {@code stage}, {@code dueDate},
 * {@code reason}, {@code urgentMark}, {@code trackingCode} for the citizen; {@code year}, {@code status},
 * {@code detail}, {@code title}, {@code closesAt} for deputies); a rule passes on only those it lists.
 */
public final class RuleTable {

    private static final String CASE = "lianluo.case.";
    private static final String V1 = ".v1";
    private static final Set<String> CITIZEN_FACTS = Set.of("trackingCode");
    private static final Set<String> UNIT_FACTS = Set.of("caseNo", "stage", "dueDate", "urgentMark");
    private static final Set<String> MOVED_FACTS = Set.of("caseNo", "dueDate", "reason", "urgentMark");
    private static final Set<String> VOTE_FACTS = Set.of("year", "closesAt");
    private static final Set<String> APPOINTMENT_FACTS = Set.of("startsAt", "stationName");
    private static final String STATION = "lianluo.station.";
    private static final Predicate<Map<String, String>> ALWAYS = f -> true;

    /**
     * The rules of a vote (票决) rather than of a project: every project shortlisted into one vote brings them, and
     * the deputies hear each once per vote (their messages are keyed by the vote's session, not by the event).
     */
    public static final String VOTE_OPENED = "deputy-vote-opened";
    public static final String VOTE_CLOSING = "deputy-vote-closing";

    /**
     * 代表有约: the reminder written when a booking is read, due the evening before the meeting; dropped (SKIPPED,
     * CANCELLED) when the booking is cancelled or its slot withdrawn before it is sent.
     */
    public static final String APPOINTMENT_REMINDER = "citizen-appointment-reminder";
    public static final String APPOINTMENT_WITHDRAWN = "citizen-appointment-withdrawn";

    /** The templates, by name; every SMS goes out with the 短信签名 in front. */
    public static final Map<String, Template> TEMPLATES = templates(
            new Template("citizen-received", "诉求已受理",
                    "您的诉求已受理，查询码{trackingCode}。凭查询码和手机号可在查进度页查询办理进度或退订短信。"),
            new Template("citizen-answered", "诉求已当场答复",
                    "您的诉求（查询码{trackingCode}）已当场答复，请凭查询码查看答复内容并评价。"),
            new Template("citizen-replied", "诉求已答复",
                    "您的诉求（查询码{trackingCode}）已办理答复，请凭查询码查看。近日将对您回访，您也可凭查询码在线评价。"),
            new Template("citizen-reopened", "诉求重新办理",
                    "您的诉求（查询码{trackingCode}）已重新办理，办理结果将再次告知您。"),
            new Template("citizen-reopened-replied", "重新办理结果",
                    "您的诉求（查询码{trackingCode}）重新办理后已答复，请凭查询码查看结果并评价。"),
            new Template("unit-assigned", "交办：诉求件{caseNo}",
                    "{urgentMark}您单位有新交办的诉求件{caseNo}，请签收办理，{stage}时限至{dueDate}。"),
            new Template("unit-escalated", "上交：诉求件{caseNo}",
                    "{urgentMark}诉求件{caseNo}由下级单位上交至您单位，请签收办理，{stage}时限至{dueDate}。"),
            new Template("unit-deadline-warning", "预警：诉求件{caseNo}",
                    "{urgentMark}诉求件{caseNo}的{stage}时限将于{dueDate}到期，请抓紧办理。"),
            new Template("unit-overdue", "超期：诉求件{caseNo}",
                    "{urgentMark}诉求件{caseNo}已超过{stage}时限（{dueDate}），请立即办理。"),
            new Template("unit-urged", "催办：诉求件{caseNo}",
                    "{urgentMark}诉求件{caseNo}的{stage}已超期，现予催办，请尽快办结并说明情况。"),
            new Template("unit-reported", "通报：诉求件{caseNo}",
                    "{urgentMark}诉求件{caseNo}的{stage}超期已逾5个工作日，已通报人大监督部门。"),
            new Template("unit-supervised", "督办：诉求件{caseNo}",
                    "{urgentMark}人大对诉求件{caseNo}发出督办，请认真办理并及时反馈，{stage}时限至{dueDate}。"),
            new Template("unit-transferred-in", "转办：诉求件{caseNo}",
                    "{urgentMark}诉求件{caseNo}已转办至您单位（原因：{reason}），请签收办理，办理时限至{dueDate}。"),
            new Template("unit-transferred-out", "已转出：诉求件{caseNo}",
                    "诉求件{caseNo}已转办至其他单位（原因：{reason}），您单位无需再办理。"),
            new Template("unit-returned", "已退回：诉求件{caseNo}",
                    "您单位退回的诉求件{caseNo}已退回联络站（原因：{reason}），将重新交办。"),
            new Template("station-reception-received", "接待日新收诉求件{caseNo}",
                    "{urgentMark}接待日新收诉求件{caseNo}，请及时交办，交办时限至{dueDate}。"),
            new Template("deputy-appeal-decided", "积分申诉已有结果",
                    "您{year}年履职积分的申诉已有结果：{status}。"),
            new Template("deputy-station-entries", "进站履职不足提醒",
                    "您{year}年进站履职次数不足（{detail}），请按时进站接待选民。"),
            new Template("deputy-vote-opened", "民生实事项目票决已开始",
                    "民生实事项目“{title}”等候选项目已列入{year}年票决，{closesAt}截止，请登录联络站系统投票。"),
            new Template("deputy-vote-closing", "民生实事项目票决明日截止",
                    "{year}年民生实事项目票决将于{closesAt}截止，尚未投票的请及时登录联络站系统投票。"),
            new Template(APPOINTMENT_REMINDER, "代表有约提醒",
                    "您预约的人大代表接待将于{startsAt}在{stationName}进行，请准时到场；不能前往请凭预约码取消。"),
            new Template(APPOINTMENT_WITHDRAWN, "代表有约已取消",
                    "抱歉，您预约的{startsAt}人大代表接待（{stationName}）因代表时段撤销已取消，请另约其他时段。"));

    /**
     * The rule table; one message per event, recipient and channel, so no two rules of one type share an audience —
     * except the two rules of a vote, whose messages are keyed by the vote's session and the rule.
     */
    public static final List<Rule> RULES = List.of(
            rule("citizen-received", "received", Audience.CITIZEN, "citizen-received", CITIZEN_FACTS),
            rule("citizen-answered", "answered", Audience.CITIZEN, "citizen-answered", CITIZEN_FACTS),
            new Rule("citizen-replied", CASE + "replied" + V1, Audience.CITIZEN, "citizen-replied", CITIZEN_FACTS,
                    "not reopened before", f -> "0".equals(f.get("reopenCount"))),
            rule("citizen-reopened", "reopened", Audience.CITIZEN, "citizen-reopened", CITIZEN_FACTS),
            new Rule("citizen-reopened-replied", CASE + "replied" + V1, Audience.CITIZEN, "citizen-reopened-replied",
                    CITIZEN_FACTS, "reopened before", f -> !"0".equals(f.get("reopenCount"))),
            rule("unit-assigned", "assigned", Audience.UNIT, "unit-assigned", UNIT_FACTS),
            rule("unit-escalated", "escalated", Audience.UNIT, "unit-escalated", UNIT_FACTS),
            rule("unit-deadline-warning", "deadline-warning", Audience.UNIT, "unit-deadline-warning", UNIT_FACTS),
            rule("unit-overdue", "overdue", Audience.UNIT, "unit-overdue", UNIT_FACTS),
            rule("unit-urged", "urged", Audience.UNIT, "unit-urged", UNIT_FACTS),
            rule("unit-reported", "reported", Audience.UNIT, "unit-reported", UNIT_FACTS),
            rule("unit-supervised", "supervised", Audience.UNIT, "unit-supervised", UNIT_FACTS),
            rule("unit-transferred-in", "transferred", Audience.UNIT, "unit-transferred-in", MOVED_FACTS),
            rule("unit-transferred-out", "transferred", Audience.PREVIOUS_UNIT, "unit-transferred-out", MOVED_FACTS),
            rule("unit-returned", "returned", Audience.PREVIOUS_UNIT, "unit-returned", MOVED_FACTS),
            new Rule("station-reception-received", CASE + "received" + V1, Audience.STATION,
                    "station-reception-received", UNIT_FACTS, "channel RECEPTION",
                    f -> "RECEPTION".equals(f.get("channel"))),
            new Rule("deputy-appeal-decided", "lianluo.scoring.appeal-decided.v1", Audience.DEPUTY,
                    "deputy-appeal-decided", Set.of("year", "status"), "", ALWAYS),
            new Rule("deputy-station-entries", "lianluo.scoring.alert-raised.v1", Audience.DEPUTY,
                    "deputy-station-entries", Set.of("year", "detail"), "kind STATION_ENTRIES",
                    f -> "STATION_ENTRIES".equals(f.get("kind"))),
            new Rule(VOTE_OPENED, CASE + "project-shortlisted" + V1, Audience.REGION_DEPUTIES,
                    "deputy-vote-opened", Set.of("title", "year", "closesAt"), "once per vote, when it opens", ALWAYS),
            new Rule(VOTE_CLOSING, CASE + "project-shortlisted" + V1, Audience.REGION_DEPUTIES,
                    "deputy-vote-closing", VOTE_FACTS, "once per vote, 24 h before it closes; none once closed", ALWAYS),
            new Rule(APPOINTMENT_REMINDER, STATION + "appointment-booked" + V1, Audience.CITIZEN, APPOINTMENT_REMINDER,
                    APPOINTMENT_FACTS, "18:00 China time the day before the meeting, at once if later; none once it began, "
                    + "dropped when the booking is cancelled", ALWAYS),
            new Rule(APPOINTMENT_WITHDRAWN, STATION + "appointment-cancelled" + V1, Audience.CITIZEN, APPOINTMENT_WITHDRAWN,
                    APPOINTMENT_FACTS, "reason SLOT_WITHDRAWN", f -> "SLOT_WITHDRAWN".equals(f.get("reason"))));

    private RuleTable() {
    }

    private static Rule rule(String name, String action, Audience audience, String template, Set<String> variables) {
        return new Rule(name, CASE + action + V1, audience, template, variables, "", ALWAYS);
    }

    private static Map<String, Template> templates(Template... all) {
        Map<String, Template> byName = new LinkedHashMap<>();
        for (Template t : all) {
            if (byName.put(t.name(), t) != null) {
                throw new IllegalStateException("two templates named " + t.name());
            }
        }
        return Map.copyOf(byName);
    }

    /** The rules of an event type, in table order. */
    public static List<Rule> of(String eventType) {
        return RULES.stream().filter(r -> r.eventType().equals(eventType)).toList();
    }

    /**
     * Nothing when every rule names a template that exists and names only variables the rule gives it; else an
     * {@link IllegalStateException} listing every fault (the service does not start).
     */
    public static void check(List<Rule> rules, Map<String, Template> templates) {
        List<String> faults = new ArrayList<>();
        for (Rule rule : rules) {
            Template template = templates.get(rule.template());
            if (template == null) {
                faults.add(rule.name() + ": no template " + rule.template());
                continue;
            }
            for (String variable : template.variables()) {
                if (!rule.variables().contains(variable)) {
                    faults.add(rule.name() + ": template " + template.name() + " names {" + variable
                            + "}, which the rule does not give (it gives " + rule.variables() + ")");
                }
            }
        }
        if (!faults.isEmpty()) {
            throw new IllegalStateException("the notification templates do not fit the rules: " + String.join("; ", faults));
        }
    }
}
