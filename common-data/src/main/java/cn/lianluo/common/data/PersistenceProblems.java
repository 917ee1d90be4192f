package cn.lianluo.common.data;

import cn.lianluo.common.rest.ProblemMappers;
import cn.lianluo.common.rest.ProblemTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.Optional;

/** Problems of the database: two writers at once (409 concurrent change), a duplicate key (409 duplicate). */
@ApplicationScoped
public class PersistenceProblems implements ProblemTranslator {

    @Override
    public Optional<Response> translate(Throwable cause, String instance) {
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
            return Optional.of(ProblemMappers.problem(409, "concurrent-change", "Conflict 状态冲突",
                    "someone else changed this record at the same time; reload it and try again", instance, List.of()));
        }
        if (cause instanceof ConstraintViolationException c) {
            return Optional.of(ProblemMappers.problem(409, "duplicate", "Conflict 数据冲突",
                    "this conflicts with a record that already exists (" + c.getConstraintName() + ")", instance, List.of()));
        }
        return Optional.empty();
    }
}
