package cn.lianluo.common.security;

/** The roles of DESIGN §4, as they appear in a token's {@code groups} claim. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    /** 人大工作人员 of a township, county, city or province office. */
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String STATION_STAFF = "STATION_STAFF";
    public static final String DEPUTY = "DEPUTY";
    /** 承办单位. */
    public static final String HANDLER = "HANDLER";

    private Roles() {
    }
}
