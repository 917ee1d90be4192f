package cn.lianluo.common.region;

import java.util.Optional;

/**
 * An official region code (行政区划代码) in its significant-prefix form: {@code 430000 → 43},
 * {@code 430800 → 4308}, {@code 430822 → 430822}, {@code 430822207 → 430822207}. Containment is then
 * a prefix test, which the database answers with an indexed {@code LIKE 'prefix%'}.
 *
 * <p>Accepted input: the significant form (2, 4, 6, 9 or 12 digits), the 6-digit form with trailing
 * {@code 00} pairs, and the 12-digit statistical form with trailing zeros ({@code 430822207000}).
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    public static final RegionCode HUNAN = new RegionCode("43");

    public RegionCode {
        if (value == null || RegionLevel.ofLength(value.length()) == null || !value.chars().allMatch(Character::isDigit)) {
            throw new InvalidRegionCodeException(String.valueOf(value), "expected 2, 4, 6, 9 or 12 digits");
        }
    }

    public static RegionCode of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidRegionCodeException(String.valueOf(raw), "it is empty");
        }
        String code = raw.strip();
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRegionCodeException(raw, "only digits are allowed");
        }
        if (code.length() == 12 && code.endsWith("000")) {
            code = code.substring(0, 9);
        }
        if (code.length() == 9 && code.endsWith("000")) {
            code = code.substring(0, 6);
        }
        if (code.length() == 6) {
            if (code.endsWith("0000")) {
                code = code.substring(0, 2);
            } else if (code.endsWith("00")) {
                code = code.substring(0, 4);
            }
        }
        if (RegionLevel.ofLength(code.length()) == null) {
            throw new InvalidRegionCodeException(raw, "expected 2, 4, 6, 9 or 12 digits");
        }
        if (code.startsWith("00") || code.startsWith("0")) {
            throw new InvalidRegionCodeException(raw, "a province code starts with 1 to 8");
        }
        return new RegionCode(code);
    }

    /** Whether {@code raw} parses; for validators that want a boolean. */
    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (InvalidRegionCodeException e) {
            return false;
        }
    }

    public RegionLevel level() {
        return RegionLevel.ofLength(value.length());
    }

    /** The region one level up; empty for a province. */
    public Optional<RegionCode> parent() {
        return switch (level()) {
            case PROVINCE -> Optional.empty();
            case CITY -> Optional.of(new RegionCode(value.substring(0, 2)));
            case COUNTY -> Optional.of(new RegionCode(value.substring(0, 4)));
            case TOWNSHIP -> Optional.of(new RegionCode(value.substring(0, 6)));
            case VILLAGE -> Optional.of(new RegionCode(value.substring(0, 9)));
        };
    }

    /** The length of the codes of this region's children (a village has none: its own length). */
    public int childCodeLength() {
        RegionLevel level = level();
        return level == RegionLevel.VILLAGE ? value.length() : RegionLevel.values()[level.ordinal() + 1].codeLength();
    }

    /**
     * The keys a statistics row of child {@code child} counts towards: the region and the child, once when they are
     * the same (a township's rows grouped at village length).
     */
    public static java.util.List<String> selfAndChild(RegionCode region, String child) {
        return region.value.equals(child) ? java.util.List.of(child) : java.util.List.of(region.value, child);
    }

    /** Whether {@code other} is this region or lies inside it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(value);
    }

    /** The 6-digit (or longer) form used in official documents: {@code 43 → 430000}. */
    public String official() {
        return value.length() >= 6 ? value : (value + "0000").substring(0, 6);
    }

    /** The SQL {@code LIKE} pattern of everything inside this region. */
    public String likePattern() {
        return value + "%";
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
