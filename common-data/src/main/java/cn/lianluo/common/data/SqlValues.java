package cn.lianluo.common.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native queries' result rows, whichever Java type the driver and Hibernate chose for them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("a timestamp read as " + value.getClass());
    }
}
