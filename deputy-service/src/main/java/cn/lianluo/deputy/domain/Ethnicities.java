package cn.lianluo.deputy.domain;

import java.util.List;
import java.util.Set;

/** The 56 ethnic groups (民族) of China, by their official names; a deputy's ethnicity is one of them. */
public final class Ethnicities {

    public static final List<String> ALL = List.of(
            "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
            "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
            "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
            "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
            "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
            "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族");

    private static final Set<String> NAMES = Set.copyOf(ALL);

    private Ethnicities() {
    }

    /** The official name for {@code raw}; "白" is read as "白族". Throws when it names no ethnic group. */
    public static String normalise(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (NAMES.contains(v)) {
            return v;
        }
        if (NAMES.contains(v + "族")) {
            return v + "族";
        }
        throw new IllegalArgumentException("'" + raw + "' is not one of the 56 民族 (e.g. 汉族, 白族, 瑶族, 侗族, 苗族, 土家族)");
    }
}
