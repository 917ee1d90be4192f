package cn.lianluo.common.rest;

import cn.lianluo.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Query and path parameters parsed so that a bad value is a 400 naming it (JAX-RS would answer 404, and a number or
 * date far out of range would reach date arithmetic, an offset or the database and come back a 500).
 */
public final class QueryParams {

    /** The years the platform keeps: the people's congresses' records start after 1949; nothing is planned past 2999. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;
    /** The last page a list is read to (page × size stays far inside an int offset). */
    public static final int LAST_PAGE = 1_000_000;
    /**
     * The deepest row a page may start at (page × size): an offset is read row by row, and past this depth a list of
     * the province's cases took longer than the gateway waits. Deeper rows are read by cursor ({@code after=}) or in
     * an export.
     */
    public static final int DEEPEST_OFFSET = 100_000;
    /** The page size a list has when none is asked, which is what a page's depth counts with then. */
    public static final int DEFAULT_SIZE = 20;

    private QueryParams() {
    }

    /** A year between {@link #FIRST_YEAR} and {@link #LAST_YEAR}. */
    public static int year(String name, String raw) {
        long value = integer(name, raw);
        if (value < FIRST_YEAR || value > LAST_YEAR) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a year between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return (int) value;
    }

    /** A whole number that fits an int. */
    public static int integer(String name, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!value.matches("[+-]?[0-9]{1,10}")) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a whole number");
        }
        long parsed = Long.parseLong(value);
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw ProblemException.invalid(name, "'" + raw + "' is out of range");
        }
        return (int) parsed;
    }

    /** An ISO date (2026-10-01) in a year between {@link #FIRST_YEAR} and {@link #LAST_YEAR}. */
    public static LocalDate date(String name, String raw) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a date (2026-10-01)");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw ProblemException.invalid(name, "'" + raw + "' is not a date between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return date;
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + raw + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The constant whose spelling on the wire is {@code raw} exactly (e.g. a command's path segment); else a 400. */
    public static <E extends Enum<E>> E spelled(String name, String raw, E[] values, Function<E, String> spelling) {
        return Arrays.stream(values).filter(v -> spelling.apply(v).equals(raw)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(name, "'" + raw + "' is not one of "
                        + Arrays.stream(values).map(spelling).toList()));
    }
}
