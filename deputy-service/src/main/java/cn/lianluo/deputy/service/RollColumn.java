package cn.lianluo.deputy.service;

import java.util.Arrays;
import java.util.List;

/** The columns of a roll file (代表名册), in order: what import expects and export writes. */
public enum RollColumn {
    NAME("姓名", true),
    GENDER("性别", true),
    ETHNICITY("民族", true),
    BIRTH_YEAR("出生年份", true),
    PARTY("政治面貌", false),
    OCCUPATION("职业", false),
    ELECTORAL_UNIT("选区", false),
    REGION_CODE("行政区划代码", true),
    PHONE("联系电话", false),
    LEVEL("代表层级", true),
    TERM("届次", true),
    TERM_START("任期开始", true),
    TERM_END("任期结束", false),
    HOME_STATION("联络站ID", false);

    private final String header;
    private final boolean required;

    RollColumn(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    public String header() {
        return header;
    }

    public boolean required() {
        return required;
    }

    public static List<String> headers() {
        return Arrays.stream(values()).map(RollColumn::header).toList();
    }
}
