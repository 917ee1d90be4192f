package cn.lianluo.common.data;

import cn.lianluo.common.rest.ProblemMappers;
import cn.lianluo.common.rest.ProblemTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;

import java.util.List;
import java.util.Optional;

/**
 * Problems of the database: two writers at once (409 concurrent change: a stale version, or a deadlock or serialisation
 * failure PostgreSQL broke by failing this transaction), a duplicate key (409 duplicate), a value the
 * database cannot store (422: text with U+0000, a value longer than its column). The transaction is rolled back.
 */
@ApplicationScoped
public class PersistenceProblems implements ProblemTranslator {

    @Override
    public Optional<Response> translate(Throwable cause, String instance) {
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException
                || TransientFailures.isTransient(cause)) {
            return Optional.of(ProblemMappers.problem(409, "concurrent-change", "Conflict 状态冲突",
                    "someone else changed this record at the same time; reload it and try again", instance, List.of()));
        }
        if (cause instanceof ConstraintViolationException c) {
            return Optional.of(ProblemMappers.problem(409, "duplicate", "Conflict 数据冲突",
                    "this conflicts with a record that already exists (" + c.getConstraintName() + ")", instance, List.of()));
        }
        if (cause instanceof DataException d) {
            String state = d.getSQLState() == null ? "" : d.getSQLState();
            String detail = switch (state) {
                case "22021", "22P05" -> "a text contains a character that cannot be stored (such as U+0000)";
                case "22001" -> "a value is longer than its field allows";
                case "22003" -> "a number is out of range";
                default -> "a value cannot be stored as it is";
            };
            return Optional.of(ProblemMappers.problem(422, "unstorable-value", "Unprocessable 无法保存的值", detail, instance, List.of()));
        }
        return Optional.empty();
    }
}
