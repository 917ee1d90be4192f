package cn.lianluo.common.region;

/** A string that is not an official region code in any of its accepted forms. */
public class InvalidRegionCodeException extends IllegalArgumentException {
    private final String rejected;

    public InvalidRegionCodeException(String rejected, String why) {
        super("'" + rejected + "' is not a region code: " + why);
        this.rejected = rejected;
    }

    public String rejected() {
        return rejected;
    }
}
