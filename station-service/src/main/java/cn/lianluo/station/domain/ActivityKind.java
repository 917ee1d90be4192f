package cn.lianluo.station.domain;

/** 代表活动 kinds of the glossary. */
public enum ActivityKind {
    FIVE_INTO("五进"),
    TRAINING("代表讲堂/学习培训"),
    SURVEY("调研视察"),
    DELIBERATION("议事会"),
    EXCHANGE("履职交流座谈会"),
    PUBLIC_WELFARE("公益/调处纠纷"),
    LIVESTREAM("直播带货"),
    /** 述职评议: a deputy reports on their work to the voters at a station, and the voters present assess it. */
    REPORT("代表进站报告履职");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
