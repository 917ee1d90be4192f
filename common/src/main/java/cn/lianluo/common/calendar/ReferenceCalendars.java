package cn.lianluo.common.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The official arrangements that ship inside the jar ({@code reference/calendar/}, one CSV a year named in
 * {@code index.txt}; see the README beside them for their source): every year's days off and make-up days.
 */
public final class ReferenceCalendars {

    private static final String FOLDER = "reference/calendar/";

    private ReferenceCalendars() {
    }

    /** Every shipped year with its days, by date; a row outside its file's year is an error in the release. */
    public static Map<Integer, List<CalendarDay>> all() {
        Map<Integer, List<CalendarDay>> years = new TreeMap<>();
        for (String file : lines(FOLDER + "index.txt")) {
            int year = Integer.parseInt(file.replace(".csv", ""));
            List<CalendarDay> days = new ArrayList<>();
            for (String line : lines(FOLDER + file)) {
                if (line.startsWith("date,")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                CalendarDay day = new CalendarDay(LocalDate.parse(cells[0].strip()), Boolean.parseBoolean(cells[1].strip()),
                        cells[2].strip());
                if (day.date().getYear() != year) {
                    throw new IllegalStateException(file + ": " + day.date() + " is not in " + year);
                }
                days.add(day);
            }
            years.put(year, List.copyOf(days));
        }
        return years;
    }

    /** The non-blank lines of a resource that are not comments. */
    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ReferenceCalendars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
