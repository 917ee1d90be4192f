package cn.lianluo.common.privacy;

/**
 * Masks personal information (PIPL) for lists and events: {@code 13812341234 → 138****1234}. Whole values are
 * shown only in a detail view to those who handle the record.
 */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first 3 and last 4 digits of a phone number; short numbers keep only their last 2. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        if (p.length() >= 8) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "*".repeat(Math.max(0, p.length() - 2)) + p.substring(Math.max(0, p.length() - 2));
    }

    /** Keeps the family name (the first character): {@code 张三丰 → 张**}. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String n = name.strip();
        int first = n.offsetByCodePoints(0, 1);
        return n.substring(0, first) + "*".repeat(Math.max(1, n.codePointCount(first, n.length())));
    }

    /** An e-mail address shows its first character and its domain: {@code zhang@example.cn → z***@example.cn}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /**
     * Any other value that may be personal (a tracking code, a template variable): its first and last character of
     * values longer than 4, nothing of shorter ones — {@code LLABCDEFGH23 → L**********3}.
     */
    public static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int n = value.codePointCount(0, value.length());
        if (n <= 4) {
            return "*".repeat(n);
        }
        int first = value.offsetByCodePoints(0, 1);
        int last = value.offsetByCodePoints(0, n - 1);
        return value.substring(0, first) + "*".repeat(n - 2) + value.substring(last);
    }
}
