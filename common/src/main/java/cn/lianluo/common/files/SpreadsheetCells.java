package cn.lianluo.common.files;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Text cells of the files the offices open in a spreadsheet (CSV exports, roll imports). A cell that starts with
 * {@code = + - @}, a tab or a carriage return is run by Excel/WPS as a formula (CSV injection, e.g. {@code -1+cmd|…});
 * an export writes it as text, an import refuses it (OWASP's advice).
 */
public final class SpreadsheetCells {

    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** Whether a spreadsheet would read the text as the start of a formula. */
    public static boolean startsFormula(String value) {
        return value != null && !value.isEmpty() && TRIGGERS.indexOf(value.charAt(0)) >= 0;
    }

    /** The text as a spreadsheet shows it but never runs it: a leading {@code '} before a formula's first character. */
    public static String neutralise(String value) {
        return startsFormula(value) ? "'" + value : value;
    }

    /** What {@link #neutralise} wrote, read back: the leading {@code '} it added is dropped. */
    public static String restore(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && startsFormula(value.substring(1))
                ? value.substring(1) : value;
    }

    /**
     * One CSV field (RFC 4180) of a text cell: neutralised, and quoted when it was neutralised or holds a comma, quote
     * or line break.
     */
    public static String csvField(String value) {
        String text = value == null ? "" : value;
        String safe = neutralise(text);
        boolean quote = !safe.equals(text) || safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** A CSV record of text cells, ended by CRLF. */
    public static String csvLine(List<String> cells) {
        return cells.stream().map(SpreadsheetCells::csvField).collect(Collectors.joining(",")) + "\r\n";
    }
}
