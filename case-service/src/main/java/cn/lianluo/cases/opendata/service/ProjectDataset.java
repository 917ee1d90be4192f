package cn.lianluo.cases.opendata.service;

import cn.lianluo.common.opendata.DatasetFile;
import cn.lianluo.common.opendata.OpenData.Field;
import cn.lianluo.common.region.RegionCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * 民生实事项目开放数据: the projects the public list shows (approved: a citizen's proposal once moderation let it
 * through) that were proposed before the cut-off. No description, proposer, deputy or comment: the title, the vote
 * counts once tallied before the cut-off (counts, not who voted how), the progress last reported before it, and the
 * evaluations made before it.
 */
@ApplicationScoped
public class ProjectDataset {

    public static final List<Field> FIELDS = List.of(
            new Field("id", "string (UUID)", "项目编号"),
            new Field("regionCode", "string", "行政区划代码"),
            new Field("year", "integer", "年度"),
            new Field("title", "string", "项目名称"),
            new Field("status", "string", "项目状态(取数时):SHORTLISTED 入围候选、VOTING 代表票决中、SELECTED 票决通过、"
                    + "REJECTED 未通过、TIED 票数相同待重新票决、IMPLEMENTING 政府解题实施中、COMPLETED 已完成、EVALUATED 群众已评效果"),
            new Field("votesFor", "integer", "赞成票数;截至数据日期未计票则为空"),
            new Field("votesAgainst", "integer", "反对票数;截至数据日期未计票则为空"),
            new Field("votesAbstain", "integer", "弃权票数;截至数据日期未计票则为空"),
            new Field("progress", "integer", "截至数据日期最后一次报告的实施进度(百分比,0–100)"),
            new Field("proposedDate", "date (YYYY-MM-DD)", "提出日期(北京时间)"),
            new Field("completedDate", "date (YYYY-MM-DD)", "完成日期;截至数据日期未完成则为空"),
            new Field("evaluations", "integer", "群众和代表评效果的份数"),
            new Field("evaluationsSatisfied", "integer", "其中满意或基本满意的份数"),
            new Field("satisfactionRate", "number", "满意率 = 满意或基本满意 / 评价份数(四位小数);无评价则为空"));

    private final EntityManager em;

    public ProjectDataset(EntityManager em) {
        this.em = em;
    }

    /** The rows of the projects of {@code year} (every year when null) in {@code region} (every region when null). */
    @Transactional
    public void rows(RegionCode region, Integer year, Instant cutOff, DatasetFile.Sink sink) {
        // what the public list shows: approved projects (a citizen's proposal once staff let it through); every
        // evaluation counts, as on the public page (only a comment waits for moderation, and comments are not published)
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = em.createNativeQuery("""
                        SELECT p.id, p.region_code, p.year, p.title, p.status,
                               CASE WHEN s.tallied_at < ?1 THEN p.votes_for END,
                               CASE WHEN s.tallied_at < ?1 THEN p.votes_against END,
                               CASE WHEN s.tallied_at < ?1 THEN p.votes_abstain END,
                               coalesce((SELECT r.progress FROM project_record r WHERE r.project_id = p.id
                                         AND r.progress IS NOT NULL AND r.at < ?1 ORDER BY r.at DESC LIMIT 1), 0),
                               CAST(p.proposed_at AT TIME ZONE 'Asia/Shanghai' AS DATE),
                               CASE WHEN p.completed_at < ?1 THEN CAST(p.completed_at AT TIME ZONE 'Asia/Shanghai' AS DATE) END,
                               coalesce(e.n, 0), coalesce(e.ok, 0),
                               CASE WHEN e.n > 0 THEN round(e.ok * 1.0 / e.n, 4) END
                        FROM livelihood_project p
                        LEFT JOIN vote_session s ON s.id = p.session_id
                        LEFT JOIN (SELECT project_id, count(*) AS n, count(*) FILTER (WHERE satisfaction <> 'UNSATISFIED') AS ok
                                   FROM project_evaluation WHERE at < ?1 AND source <> 'UNIT' GROUP BY project_id) e
                                  ON e.project_id = p.id
                        WHERE p.region_code LIKE ?2 AND (?3 = 0 OR p.year = ?3)
                          AND p.moderation = 'APPROVED' AND p.proposed_at < ?1
                        ORDER BY p.year, p.region_code, p.proposed_at, p.id""")
                .setParameter(1, cutOff).setParameter(2, region == null ? "%" : region.likePattern())
                .setParameter(3, year == null ? 0 : year)
                .setHint("org.hibernate.fetchSize", 1000).setHint("org.hibernate.readOnly", true)
                .getResultStream();
        try (rows) {
            rows.forEach(sink::row);
        }
    }
}
