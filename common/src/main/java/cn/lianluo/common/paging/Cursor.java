package cn.lianluo.common.paging;

import cn.lianluo.common.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A position in a list read by cursor: the last row read, by the transaction that last wrote it ({@code xact}, the
 * 64-bit {@code pg_current_xact_id()} that a trigger records on the row) and its id. On the wire it is opaque: base64url
 * of {@code xact:id}. An absent or empty {@code after} is {@link #START}, before every row.
 */
public record Cursor(long xact, UUID id) {

    /** The query parameter that carries a cursor. */
    public static final String PARAM = "after";

    /** The {@code after} parameter of every list read by cursor, in the OpenAPI document. */
    public static final String AFTER = "the next of the previous page (opaque); absent or empty: from the beginning";

    /** How every list read by cursor behaves, in the OpenAPI document (docs/api.md, Syncing by cursor, says more). */
    public static final String CHANGES = "Read by cursor for syncing 增量同步: pass nothing (or an empty after) for the "
            + "first page, then each answer's next as after. Rows come in the order of the transaction that last wrote "
            + "them, then by id; a row written by a transaction still open when the page is read comes on a later page, "
            + "never skipped. Every change is delivered at least once (a row changed after you read it comes again, "
            + "as it is now); a row that did not change after you read it is never delivered twice. Fewer items than "
            + "size: caught up for now, ask again later with the same next. Each page costs the same at any depth. The "
            + "same scope as the paged list; page is not a parameter here (400), nor is after on the paged list.";

    /** Before every row: rows written before the change lists existed carry xact 0, and no id is the nil UUID. */
    public static final Cursor START = new Cursor(0, new UUID(0, 0));

    /** The cursor of {@code after}; absent or empty is {@link #START}; anything this list did not hand out is a 400. */
    public static Cursor parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return START;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(raw);
        }
        int colon = text.indexOf(':');
        if (colon < 1 || !text.substring(0, colon).matches("[0-9]{1,18}")
                || !text.substring(colon + 1).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            throw malformed(raw);
        }
        return new Cursor(Long.parseLong(text.substring(0, colon)), UUID.fromString(text.substring(colon + 1)));
    }

    /** The opaque form handed out as {@code next}. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((xact + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException malformed(String raw) {
        return ProblemException.invalid(PARAM, "'" + raw + "' is not a cursor of this list: pass the next of a page, "
                + "or nothing to start from the beginning");
    }
}
