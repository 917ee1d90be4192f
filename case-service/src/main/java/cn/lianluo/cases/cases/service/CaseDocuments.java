package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.service.CaseSheets.Passage;
import cn.lianluo.cases.cases.service.CaseSheets.Row;
import cn.lianluo.cases.cases.service.CaseSheets.Sheet;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.config.DocumentsConfig;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.security.Caller;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The printable documents of a case as PDF (A4, set in the configured CJK font, only the glyphs used embedded): the
 * 交办单 and the 督办函, for those who may read the case and as they may read it.
 */
@ApplicationScoped
public class CaseDocuments {

    private final CaseQueries queries;
    private final CaseClock clock;
    private final DocumentsConfig config;
    private volatile BaseFont font;

    public CaseDocuments(CaseQueries queries, CaseClock clock, DocumentsConfig config) {
        this.queries = queries;
        this.clock = clock;
        this.config = config;
    }

    /** A document ready to send: its bytes and the file name it is saved under. */
    public record Pdf(String fileName, byte[] bytes) {
    }

    public Pdf assignmentSheet(UUID caseId, Caller caller) {
        return render(caseId, caller, CaseSheets::assignmentSheet);
    }

    public Pdf supervisionNotice(UUID caseId, Caller caller) {
        return render(caseId, caller, CaseSheets::supervisionNotice);
    }

    /** Any sheet laid out like the case sheets, e.g. a draft law's 汇总 of comments. */
    public Pdf print(Sheet sheet) {
        return new Pdf(sheet.fileName(), layOut(sheet, font()));
    }

    private Pdf render(UUID caseId, Caller caller, BiFunction<CaseDtos.CaseView, Instant, Sheet> write) {
        Sheet sheet = write.apply(queries.get(caseId, caller), clock.now());
        return new Pdf(sheet.fileName(), layOut(sheet, font()));
    }

    /** The sheet on A4: the heading, a two-column form, the passages, the footer. */
    static byte[] layOut(Sheet sheet, BaseFont font) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(sheet.heading());
            document.addCreator("Lianluo 联络");
            document.open();
            Paragraph heading = new Paragraph(sheet.heading(), new Font(font, 20, Font.BOLD));
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(18);
            document.add(heading);
            Font text = new Font(font, 11);
            Font label = new Font(font, 11, Font.BOLD);
            PdfPTable form = new PdfPTable(new float[] {1, 3});
            form.setWidthPercentage(100);
            for (Row row : sheet.rows()) {
                form.addCell(cell(row.label(), label));
                form.addCell(cell(row.value() == null ? "" : row.value(), text));
            }
            document.add(form);
            for (Passage passage : sheet.passages()) {
                Paragraph title = new Paragraph(passage.label(), label);
                title.setSpacingBefore(14);
                document.add(title);
                Paragraph body = new Paragraph(passage.text() == null ? "" : passage.text(), text);
                body.setLeading(18);
                document.add(body);
            }
            Paragraph footer = new Paragraph(sheet.footer(), new Font(font, 9));
            footer.setAlignment(Element.ALIGN_RIGHT);
            footer.setSpacingBefore(28);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IllegalStateException("the document could not be laid out", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String content, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(content, font));
        cell.setPadding(6);
        return cell;
    }

    /** The configured font, read once; 503 problem when it is not on this machine (the documents cannot be set). */
    BaseFont font() {
        if (font == null) {
            Path file = Path.of(config.font());
            if (!Files.isReadable(file)) {
                Log.errorf("no CJK font at %s (lianluo.documents.font): install Debian's fonts-noto-cjk", file);
                throw new ProblemException(503, "documents-unavailable", "Service unavailable 暂时无法生成",
                        "the printable documents need a CJK font this service does not have (lianluo.documents.font)");
            }
            String name = file.toString().endsWith(".ttc") ? file + "," + config.fontIndex() : file.toString();
            try {
                font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("the font " + name + " cannot be read", e);
            }
        }
        return font;
    }
}
