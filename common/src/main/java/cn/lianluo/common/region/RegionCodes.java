package cn.lianluo.common.region;

import cn.lianluo.common.problem.ProblemException;

/** Region codes as requests carry them. */
public final class RegionCodes {

    private RegionCodes() {
    }

    /** Parses the code given in {@code field}; a malformed one is a 400 problem naming the field. */
    public static RegionCode field(String field, String raw) {
        try {
            return RegionCode.of(raw);
        } catch (InvalidRegionCodeException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
    }

    /** Like {@link #field}, but blank means "not given" (null). */
    public static RegionCode optional(String field, String raw) {
        return raw == null || raw.isBlank() ? null : field(field, raw);
    }
}
