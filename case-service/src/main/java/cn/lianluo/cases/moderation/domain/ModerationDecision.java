package cn.lianluo.cases.moderation.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A decision on a piece of content. The platform decides when content arrives ({@link #AUTO_APPROVE} or
 * {@link #HOLD} for a person to look at); staff in scope approve, hide and restore.
 */
public enum ModerationDecision {
    AUTO_APPROVE("自动通过", false),
    HOLD("待人工审核", false),
    APPROVE("通过", true),
    HIDE("隐藏", true),
    RESTORE("恢复", true);

    private final String label;
    private final boolean staff;

    ModerationDecision(String label, boolean staff) {
        this.label = label;
        this.staff = staff;
    }

    public String label() {
        return label;
    }

    /** Taken by a person (a command of the API), not by the platform on arrival. */
    public boolean byStaff() {
        return staff;
    }

    /** The spelling in {@code POST /moderation/{kind}/{id}/{decision}}. */
    public String path() {
        return name().toLowerCase();
    }

    public static List<ModerationDecision> commands() {
        return Arrays.stream(values()).filter(ModerationDecision::byStaff).toList();
    }
}
