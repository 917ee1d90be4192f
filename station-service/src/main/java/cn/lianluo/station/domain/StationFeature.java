package cn.lianluo.station.domain;

/** Practices a station carries, so citizens and offices can find them (the seed report's names). */
public enum StationFeature {
    MAILBOX("民情信箱"),
    MARKET_DAY_SITTING("赶集日坐班"),
    ONLINE_PLATFORM("智慧人大线上履职"),
    EXPERT_TEAM("代表+专家"),
    STATION_MASTER("站长负责制"),
    FIVE_INTO("五进活动"),
    RESIDENTS_COUNCIL("居民议事会"),
    HOUSE_HALL_COUNCIL("屋堂议事会"),
    GRID_GOVERNANCE("联络站+基层治理网格"),
    LEGAL_CLASSROOM("方言普法微课堂"),
    MEDICAL_INSURANCE_LINK("医保联动机制"),
    LIVESTREAM_SALES("直播带货");

    private final String label;

    StationFeature(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
