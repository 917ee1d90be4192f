package cn.lianluo.cases.drafts.service;

import cn.lianluo.cases.cases.service.CaseDocuments;
import cn.lianluo.cases.cases.service.CaseSheets.Passage;
import cn.lianluo.cases.cases.service.CaseSheets.Row;
import cn.lianluo.cases.cases.service.CaseSheets.Sheet;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.drafts.service.DraftDtos.ArticleSummary;
import cn.lianluo.cases.drafts.service.DraftDtos.CommentView;
import cn.lianluo.cases.drafts.service.DraftDtos.Summary;
import cn.lianluo.common.files.TableWriter;
import cn.lianluo.common.security.Caller;
import cn.lianluo.common.time.Zones;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The 汇总 a station forwards to the legislature, as a table (csv or xlsx, one row per surviving comment under its
 * article, with the article's counts) and as a printable PDF laid out like the case sheets.
 */
@ApplicationScoped
public class DraftReports {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(Zones.CHINA);
    private static final List<String> HEADER = List.of("条款", "条款内容", "本条意见数", "合并的重复意见", "意见编号", "提出人",
            "所在区划", "意见内容", "处理结果", "理由");

    private final DraftService drafts;
    private final CaseDocuments documents;
    private final CaseClock clock;

    public DraftReports(DraftService drafts, CaseDocuments documents, CaseClock clock) {
        this.drafts = drafts;
        this.documents = documents;
        this.clock = clock;
    }

    /** The 汇总's file name without its extension. */
    public static String stem(UUID draftId) {
        return "draft-law-summary-" + draftId;
    }

    public CaseDocuments.Pdf pdf(UUID draftId, Caller caller) {
        Summary summary = drafts.summary(draftId, caller);
        List<Row> rows = List.of(new Row("草案", summary.draft().title()), new Row("征求意见单位", summary.draft().legislature()),
                new Row("征集范围", summary.scope()), new Row("征集期间", summary.draft().opensOn() + " 至 " + summary.draft().closesOn()),
                new Row("意见总数", String.valueOf(summary.articles().stream().mapToLong(ArticleSummary::comments).sum())));
        List<Passage> passages = new ArrayList<>();
        for (ArticleSummary a : summary.articles()) {
            StringBuilder text = new StringBuilder(a.text());
            int n = 1;
            for (CommentView c : a.items()) {
                text.append('\n').append(n++).append(". [").append(by(c)).append(' ').append(c.regionCode()).append("] ")
                        .append(c.text()).append(c.assessment() == null ? " —— 待处理"
                                : " —— " + c.assessmentLabel() + ": " + c.assessmentReason());
            }
            passages.add(new Passage(title(a) + String.format("（意见 %d 条, 采纳 %d, 部分采纳 %d, 未采纳 %d, 合并重复 %d）", a.comments(),
                    a.adopted(), a.partlyAdopted(), a.notAdopted(), a.merged()), text.toString()));
        }
        Sheet sheet = new Sheet(stem(draftId) + ".pdf", "立法意见征集汇总表", rows, passages,
                "基层立法联系点 " + MINUTE.format(clock.now()) + " 生成");
        return documents.print(sheet);
    }

    /** Writes the header and a row per surviving comment; answers the rows, the header not counted. */
    public static long write(Summary summary, TableWriter table) {
        table.row(HEADER);
        long rows = 0;
        for (ArticleSummary a : summary.articles()) {
            for (CommentView c : a.items()) {
                table.row(List.of(title(a), a.text(), a.comments(), a.merged(), c.id().toString(), by(c), c.regionCode(), c.text(),
                        c.assessment() == null ? "待处理" : c.assessmentLabel(), c.assessmentReason() == null ? "" : c.assessmentReason()));
                rows++;
            }
        }
        return rows;
    }

    private static String title(ArticleSummary a) {
        return a.article() == 0 ? "整体意见" : "第" + a.article() + "条";
    }

    private static String by(CommentView c) {
        return "DEPUTY".equals(c.by()) ? "人大代表" : "群众";
    }
}
