package cn.lianluo.station.domain;

/** The 六有 standard: a station is up to standard when all six are met. */
public enum StandardItem {
    SITE("有场所"),
    SIGN("有牌子"),
    RULES("有制度"),
    STAFF("有人员"),
    ACTIVITIES("有活动"),
    RECORDS("有台账");

    private final String label;

    StandardItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
