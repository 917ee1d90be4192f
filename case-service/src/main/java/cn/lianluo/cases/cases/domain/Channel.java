package cn.lianluo.cases.cases.domain;

/** How a case came in. */
public enum Channel {
    RECEPTION("进站接待"),
    MAILBOX("民情信箱"),
    ONLINE("网上提交"),
    MARKET_DAY("赶集日坐班"),
    MOBILE_STATION("移动联络站"),
    HOTLINE("热线电话"),
    VISIT("主动下访");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
