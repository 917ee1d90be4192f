package cn.lianluo.common.idempotency;

import cn.lianluo.common.problem.ProblemException;

import java.util.List;

/**
 * The value of an {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field": a Structured
 * Field String such as {@code "8e03978e-40d5-43e8-bc93-6894a57f9324"}). Clients that send the key without the quotes,
 * as many payment APIs taught them to, are understood too. Pure Java.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** A UUID is 36 characters; room for a client's own prefix, not for a body smuggled in a header. */
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /**
     * @param values every value the header came with (none: no key)
     * @return the key, or null when the request carries none
     * @throws ProblemException 400 when the key is empty, too long, sent twice or not printable ASCII
     */
    public static String parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid("give the key once");
        }
        String raw = values.get(0).strip();
        String key = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"") ? unquote(raw) : raw;
        if (key.isEmpty()) {
            throw invalid("the key is empty; send a new random key (a UUID) with each new request");
        }
        if (key.length() > MAX_LENGTH) {
            throw invalid("the key is longer than " + MAX_LENGTH + " characters; a UUID is enough");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid("the key may hold only printable ASCII characters");
            }
        }
        return key;
    }

    /** An sf-string: backslash escapes only a quote or a backslash. */
    private static String unquote(String quoted) {
        StringBuilder key = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                if (i + 1 >= quoted.length() - 1 || (quoted.charAt(i + 1) != '"' && quoted.charAt(i + 1) != '\\')) {
                    throw invalid("a backslash in a quoted key escapes only a quote or a backslash");
                }
                c = quoted.charAt(++i);
            } else if (c == '"') {
                throw invalid("a quote inside a quoted key must be escaped");
            }
            key.append(c);
        }
        return key.toString();
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalid(HEADER, message);
    }
}
