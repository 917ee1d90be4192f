package cn.lianluo.common.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The text of a PDF as a reader gets it back: poppler's {@code pdftotext} (Debian's poppler-utils, which
 * {@code ./suite test} installs when missing), so a test sees what a person's PDF viewer would show and search.
 */
public final class PdfText {

    private PdfText() {
    }

    /** The document's text; fails when the bytes are not a PDF poppler can read. */
    public static String of(byte[] pdf) {
        if (pdf.length < 5 || !"%PDF-".equals(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1))) {
            throw new AssertionError("not a PDF: it starts with " + new String(pdf, 0, Math.min(pdf.length, 40),
                    StandardCharsets.ISO_8859_1));
        }
        Path file = null;
        try {
            file = Files.createTempFile("lianluo-test", ".pdf");
            Files.write(file, pdf);
            Process p;
            try {
                p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("reading a PDF needs pdftotext: apt-get install poppler-utils", e);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("pdftotext could not read the PDF: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("the PDF could not be written to a temporary file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the PDF", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
