package cn.lianluo.notification.domain;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's words: a title (the inbox entry's and the e-mail's subject) and a body with {@code {variable}}s, which
 * is also the SMS's text after the 短信签名. Its name is the SMS provider's template name (h30 maps it to a code).
 */
public record Template(String name, String title, String body) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");

    /** The variables the title and the body name. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (String text : new String[] {title, body}) {
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    public String title(Map<String, String> values) {
        return fill(title, values);
    }

    public String body(Map<String, String> values) {
        return fill(body, values);
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
