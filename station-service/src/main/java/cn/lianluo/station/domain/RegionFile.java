package cn.lianluo.station.domain;

import cn.lianluo.common.region.InvalidRegionCodeException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A region tree as a CSV file gives it ({@code code,name,level,parent_code}, the form of the shipped reference files
 * and of an ADMIN's import): each line read and checked on its own, so a rejected file names every bad line. What a
 * file alone cannot tell (whether a parent outside it exists) is left to the caller.
 */
public final class RegionFile {

    public static final String HEADER = "code,name,level,parent_code";
    /** Longer than any official name (the longest in Hunan's tree has 17 characters). */
    public static final int MAX_NAME = 60;

    /** A region of the file: its line (1 is the header), its code in significant-prefix form and its name. */
    public record Row(int line, RegionCode code, String name) {
        /** The region one level up; empty for a province. */
        public Optional<RegionCode> parent() {
            return code.parent();
        }
    }

    /** What is wrong with a line, and in which column. */
    public record Problem(int line, String column, String message) {
    }

    /** The good rows, parents before children, and the problems; a file with problems is taken whole or not at all. */
    public record Parsed(List<Row> rows, List<Problem> problems) {
    }

    private RegionFile() {
    }

    public static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<RegionCode> seen = new HashSet<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String l = lines[i];
            if (l.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                if (!l.strip().replace(" ", "").equalsIgnoreCase(HEADER)) {
                    problems.add(new Problem(line, "header", "the first line must be " + HEADER));
                    break;
                }
                continue;
            }
            String[] cells = l.split(",", -1);
            if (cells.length != 4) {
                problems.add(new Problem(line, "line", "4 columns expected (" + HEADER + "), found " + cells.length));
                continue;
            }
            row(line, cells, problems).ifPresent(row -> {
                if (!seen.add(row.code())) {
                    problems.add(new Problem(line, "code", row.code() + " appears twice in the file"));
                } else {
                    rows.add(row);
                }
            });
        }
        if (header) {
            problems.add(new Problem(1, "header", "the file is empty; the first line must be " + HEADER));
        }
        rows.sort(Comparator.comparingInt((Row r) -> r.code().value().length()).thenComparing(r -> r.code().value()));
        return new Parsed(List.copyOf(rows), List.copyOf(problems));
    }

    private static Optional<Row> row(int line, String[] cells, List<Problem> problems) {
        int before = problems.size();
        RegionCode code = null;
        try {
            code = RegionCode.of(cells[0]);
        } catch (InvalidRegionCodeException e) {
            problems.add(new Problem(line, "code", e.getMessage()));
        }
        String name = cells[1].strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(line, "name", "a name of 1 to " + MAX_NAME + " characters is required"));
        }
        RegionLevel level = level(cells[2]);
        if (level == null) {
            problems.add(new Problem(line, "level", "'" + cells[2].strip() + "' is not province, city, county, township or village"));
        } else if (code != null && level != code.level()) {
            problems.add(new Problem(line, "level", "a code of " + code.value().length() + " digits is a "
                    + code.level().name().toLowerCase(Locale.ROOT) + ", not a " + level.name().toLowerCase(Locale.ROOT)));
        }
        if (code != null) {
            String given = cells[3].strip();
            Optional<RegionCode> parent = code.parent();
            if (parent.isEmpty() && !given.isEmpty()) {
                problems.add(new Problem(line, "parent_code", "a province has no parent"));
            } else if (parent.isPresent() && !RegionCode.isValid(given)) {
                problems.add(new Problem(line, "parent_code", "'" + given + "' is not a region code; " + code + " belongs to " + parent.get()));
            } else if (parent.isPresent() && !RegionCode.of(given).equals(parent.get())) {
                problems.add(new Problem(line, "parent_code", code + " belongs to " + parent.get() + ", not to " + RegionCode.of(given)));
            }
        }
        return problems.size() > before ? Optional.empty() : Optional.of(new Row(line, code, name));
    }

    private static RegionLevel level(String cell) {
        try {
            return RegionLevel.valueOf(cell.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
