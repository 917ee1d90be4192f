package cn.lianluo.common.region;

/** The five levels of 行政区划, from the significant length of an official code. */
public enum RegionLevel {
    PROVINCE(2, "省"),
    CITY(4, "市(州)"),
    COUNTY(6, "县(市、区)"),
    TOWNSHIP(9, "乡(镇、街道)"),
    VILLAGE(12, "村(社区)");

    private final int codeLength;
    private final String label;

    RegionLevel(int codeLength, String label) {
        this.codeLength = codeLength;
        this.label = label;
    }

    public int codeLength() {
        return codeLength;
    }

    public String label() {
        return label;
    }

    static RegionLevel ofLength(int length) {
        for (RegionLevel level : values()) {
            if (level.codeLength == length) {
                return level;
            }
        }
        return null;
    }
}
