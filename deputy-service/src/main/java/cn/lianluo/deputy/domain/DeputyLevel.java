package cn.lianluo.deputy.domain;

/** The level of a people's congress a deputy sits in (五级人大). */
public enum DeputyLevel {
    NATIONAL("全国人大代表"),
    PROVINCIAL("省人大代表"),
    CITY("市(州)人大代表"),
    COUNTY("县(市、区)人大代表"),
    TOWNSHIP("乡(镇)人大代表");

    private final String label;

    DeputyLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
