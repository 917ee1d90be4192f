package cn.lianluo.station.domain;

/** 满意度: how a voter assesses a deputy's report (述职评议), in the words of the glossary. */
public enum Satisfaction {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Satisfaction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
