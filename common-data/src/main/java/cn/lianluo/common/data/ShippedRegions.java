package cn.lianluo.common.data;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The official region trees (行政区划) this build ships, by province code: resources under {@code reference/regions/}
 * (their source and licence in SOURCE.md there). station-service loads them into its tree; case-service checks the
 * region a case names against them. Which provinces load is {@code lianluo.reference.provinces}.
 */
public final class ShippedRegions {

    /** The configured value that loads no shipped tree. */
    public static final String NONE = "none";

    private static final Map<String, String> FILES = Map.of("43", "reference/regions/43-hunan.csv");

    private ShippedRegions() {
    }

    /** The configured provinces, checked; {@code none} is none, and one that does not ship stops the start. */
    public static List<String> provinces(List<String> configured) {
        List<String> provinces = configured.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (provinces.equals(List.of(NONE))) {
            return List.of();
        }
        for (String province : provinces) {
            if (!FILES.containsKey(province)) {
                throw new IllegalStateException("lianluo.reference.provinces names " + province + ", but this build ships the "
                        + "region trees of " + FILES.keySet() + " only (or set none); another province's tree is imported "
                        + "by an ADMIN through POST /api/v1/regions/import");
            }
        }
        return provinces;
    }

    /** The resource holding a shipped province's tree. */
    public static String resource(String province) {
        return FILES.get(province);
    }

    /** Every code of the provinces' shipped trees. */
    public static Set<String> codes(List<String> provinces) {
        Set<String> codes = new HashSet<>();
        for (String province : provinces) {
            SeedRows.csvResource(resource(province)).forEach(row -> codes.add(row[0].strip()));
        }
        return codes;
    }
}
