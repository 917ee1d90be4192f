package cn.lianluo.cases.moderation.domain;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes public text wait for a person: a link, or a number that could be a phone, QQ or WeChat id — the usual
 * shape of advertising and of personal data written into a public proposal. Text is compared in its NFKC form, so
 * full-width letters, digits and dots (１３８, ｗｗｗ．) count as their ASCII forms.
 */
public final class ContentScreen {

    public enum Flag {
        /** http(s)://, www. or a domain such as x.cn, x.com */
        LINK,
        /** five digits or more in a row, also with spaces or dashes between them */
        NUMBER
    }

    private static final Pattern LINK = Pattern.compile("(?i)https?:|www[.。]|[a-z0-9-]+[.。](com|cn|net|org|top|xyz|vip|cc|info|"
            + "biz|io|me|tv|co|site|online|shop|club|ltd|wang|link|ink|hk|mo|tw|gov|edu)(?![a-z0-9])");
    private static final Pattern NUMBER = Pattern.compile("[0-9](?:[\\s\\-‐‑–—―_]*[0-9]){4,}");

    private ContentScreen() {
    }

    public static Set<Flag> flags(String... texts) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String plain = Normalizer.normalize(text, Normalizer.Form.NFKC);
            if (LINK.matcher(plain).find()) {
                flags.add(Flag.LINK);
            }
            if (NUMBER.matcher(plain).find()) {
                flags.add(Flag.NUMBER);
            }
        }
        return flags;
    }

    /**
     * The state content starts in: approved at once when it comes with a token (staff, deputies), or when auto-approval
     * is on and nothing in it needs a look; pending otherwise.
     */
    public static ModerationState initial(boolean trusted, boolean autoApprove, Set<Flag> flags) {
        return trusted || (autoApprove && flags.isEmpty()) ? ModerationState.APPROVED : ModerationState.PENDING;
    }
}
