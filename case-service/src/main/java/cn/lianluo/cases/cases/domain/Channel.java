package cn.lianluo.cases.cases.domain;

/** How a case came in. */
public enum Channel {
    RECEPTION("进站接待"),
    MAILBOX("民情信箱"),
    ONLINE("网上提交"),
    MARKET_DAY("赶集日坐班"),
    MOBILE_STATION("移动联络站"),
    HOTLINE("热线电话"),
    VISIT("主动下访"),
    /** 联络站+基层治理网格: a grid worker (网格员) brings in a resident's problem; the case names its grid. */
    GRID("网格员上报"),
    /** 代表有约: what remained after a citizen's appointment with a deputy at a station; the case names the appointment. */
    APPOINTMENT("代表有约");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
