package cn.lianluo.station.domain;

/** The kinds of station of the glossary, with the names a person reads. */
public enum StationType {
    STATION("人大代表联络站"),
    HOME("人大代表之家"),
    STUDIO("代表工作室"),
    INDUSTRY("产业站(专业站)"),
    POINT("村(社区)联络点"),
    MOBILE("移动联络站");

    private final String label;

    StationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
