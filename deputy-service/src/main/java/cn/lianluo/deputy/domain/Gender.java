package cn.lianluo.deputy.domain;

public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads 男/女 as a spreadsheet writes them, or the code. */
    public static Gender parse(String raw) {
        String v = raw == null ? "" : raw.strip();
        for (Gender g : values()) {
            if (g.label.equals(v) || g.name().equalsIgnoreCase(v)) {
                return g;
            }
        }
        throw new IllegalArgumentException("'" + raw + "' is not 男 or 女");
    }
}
