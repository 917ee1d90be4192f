package cn.lianluo.cases.opendata.service;

import cn.lianluo.common.opendata.DatasetFile;
import cn.lianluo.common.opendata.OpenData.Field;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * 诉求开放数据: one row per case received before the cut-off, with no personal data and no free text — no title,
 * content, name, phone, tracking code, deputy, unit, station, attachment or note. Each row says where the case stood at
 * the cut-off: the status of its last timeline entry before it, the stage then open and its due date, and its outcome
 * (closed date, on time, satisfaction) when it had closed before it. A case of a village is given under its township,
 * so a small village's few cases do not single anyone out.
 */
@ApplicationScoped
public class CaseDataset {

    public static final List<Field> FIELDS = List.of(
            new Field("id", "string (UUID)", "诉求的随机编号,不含任何个人信息;同一诉求在每天的文件中编号不变"),
            new Field("regionCode", "string", "行政区划代码,至乡镇(街道)一级;村(社区)的诉求记在所属乡镇"),
            new Field("category", "string", "诉求分类代码(分级分类),名称见 /api/v1/cases/categories"),
            new Field("kind", "string", "诉求类型:COMPLAINT 投诉、SUGGESTION 建议、ENQUIRY 咨询、HELP 求助"),
            new Field("channel", "string", "受理渠道:RECEPTION 进站接待、MAILBOX 民情信箱、ONLINE 网上、MARKET_DAY 赶集日、"
                    + "MOBILE_STATION 移动联络站、HOTLINE 热线、VISIT 主动下访、GRID 网格员上报、APPOINTMENT 代表有约"),
            new Field("receivedDate", "date (YYYY-MM-DD)", "受理日期(北京时间)"),
            new Field("status", "string", "截至数据日期的办理状态:RECEIVED 已受理、ASSIGNED 已交办、IN_PROGRESS 办理中、"
                    + "HANDLED 已办结待答复、REPLIED 已答复、SUPERVISOR_REVIEW 转人大督办、CLOSED 已办结归档、"
                    + "MERGED 已合并办理(重复件,并入另一诉求)"),
            new Field("stage", "string", "截至数据日期正在进行的环节:ASSIGN 交办、HANDLE 办理、REPLY 答复、VISIT 回访;无则为空"),
            new Field("dueDate", "date (YYYY-MM-DD)", "该环节的办理期限(工作日计算);无进行中的环节则为空"),
            new Field("answeredOnTheSpot", "boolean", "是否由代表当场答复"),
            new Field("closedDate", "date (YYYY-MM-DD)", "办结日期;截至数据日期未办结则为空"),
            new Field("closedOnTime", "boolean", "是否按时办结(每个环节都在期限内完成);未办结则为空"),
            new Field("satisfaction", "string", "办结时的满意度评价:SATISFIED 满意、BASICALLY_SATISFIED 基本满意、"
                    + "UNSATISFIED 不满意;未办结或未评价则为空"));

    private static final int FETCH = 1000;

    private final EntityManager em;

    public CaseDataset(EntityManager em) {
        this.em = em;
    }

    /**
     * The rows of the cases received in {@code year} (in China) in {@code region} (every region when null) before
     * {@code cutOff}, oldest first, handed to {@code sink} as they are read.
     */
    @Transactional
    public void rows(RegionCode region, int year, Instant cutOff, DatasetFile.Sink sink) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Zones.CHINA).toInstant();
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery("""
                        SELECT c.id, substr(c.region_code, 1, 9), c.category, c.kind, c.channel,
                               CAST(c.received_at AT TIME ZONE 'Asia/Shanghai' AS DATE),
                               coalesce(s.status, 'RECEIVED'), d.stage, d.due_date,
                               EXISTS (SELECT 1 FROM case_action a WHERE a.case_id = c.id AND a.action = 'ANSWER' AND a.at < ?1),
                               CASE WHEN c.closed_at < ?1 THEN CAST(c.closed_at AT TIME ZONE 'Asia/Shanghai' AS DATE) END,
                               CASE WHEN c.closed_at < ?1 THEN c.closed_on_time END,
                               CASE WHEN c.closed_at < ?1 THEN c.satisfaction END
                        FROM citizen_case c
                        LEFT JOIN LATERAL (SELECT a.status FROM case_action a WHERE a.case_id = c.id AND a.at < ?1
                                           ORDER BY a.at DESC LIMIT 1) s ON TRUE
                        LEFT JOIN LATERAL (SELECT x.stage, x.due_date FROM case_deadline x
                                           WHERE x.case_id = c.id AND x.started_at < ?1 AND (x.met_at IS NULL OR x.met_at >= ?1)
                                           ORDER BY x.started_at DESC LIMIT 1) d ON TRUE
                        WHERE c.region_code LIKE ?2 AND c.received_at >= ?3 AND c.received_at < ?4 AND c.received_at < ?1
                        ORDER BY c.received_at, c.id""")
                .setParameter(1, cutOff).setParameter(2, region == null ? "%" : region.likePattern())
                .setParameter(3, from).setParameter(4, to)
                .setHint("org.hibernate.fetchSize", FETCH).setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(sink::row);
        }
    }
}
