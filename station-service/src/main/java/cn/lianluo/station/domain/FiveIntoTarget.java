package cn.lianluo.station.domain;

/** Where a 五进 activity goes: 进学校、进企业、进医院、进小区、进屋场. */
public enum FiveIntoTarget {
    SCHOOL("进学校"),
    ENTERPRISE("进企业"),
    HOSPITAL("进医院"),
    COMMUNITY("进小区"),
    HOMESTEAD("进屋场");

    private final String label;

    FiveIntoTarget(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
