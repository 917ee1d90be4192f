package cn.lianluo.scoring.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The Java values of native query columns, as the JDBC driver hands them over (one of several types). */
final class Columns {

    private Columns() {
    }

    static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }

    static Instant instant(Object o) {
        return o == null ? null : o instanceof Instant i ? i : o instanceof OffsetDateTime t ? t.toInstant()
                : ((java.sql.Timestamp) o).toInstant();
    }

    static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
