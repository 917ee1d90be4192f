package cn.lianluo.scoring.domain;

/** What a deputy did, as the events tell it (履职事实). Rule sets give each its points. */
public enum FactType {
    STATION_ENTRY("进站接待"),
    ACTIVITY_FIVE_INTO("五进活动"),
    ACTIVITY_TRAINING("代表讲堂/学习培训"),
    ACTIVITY_SURVEY("调研视察"),
    ACTIVITY_DELIBERATION("议事会"),
    ACTIVITY_EXCHANGE("履职交流座谈会"),
    ACTIVITY_PUBLIC_WELFARE("公益/调处纠纷"),
    ACTIVITY_LIVESTREAM("直播带货"),
    /** 述职评议: the deputy who reported to the voters at a station (the deputies who only attended get nothing for it). */
    ACTIVITY_REPORT("代表进站报告履职"),
    CASE_RECEIVED("首接群众诉求"),
    CASE_ANSWERED_ON_THE_SPOT("当场答复"),
    CASE_CLOSED_SATISFIED("诉求办结群众满意"),
    SUGGESTION_MADE("提出代表建议"),
    SUGGESTION_JOINED("联名提出建议"),
    KEY_SUGGESTION("重点建议"),
    VOTE_CAST("民生实事票决"),
    PROJECT_SUPERVISION("民生实事监督"),
    DRAFT_COMMENT("立法意见征集提出意见"),
    UNEXCUSED_ABSENCE_HALF_DAY("无故缺席会议半天");

    private final String label;

    FactType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
