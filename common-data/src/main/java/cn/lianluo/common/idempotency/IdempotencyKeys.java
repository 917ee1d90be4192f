package cn.lianluo.common.idempotency;

import cn.lianluo.common.data.BatchDeletes;
import cn.lianluo.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code idempotency_key} table: the answer to each create that carried an {@code Idempotency-Key}, per caller
 * and key, kept {@link IdempotencyConfig#keep()}. The create and its stored answer are written in ONE transaction, so
 * an acknowledged create always has its answer stored and a create that rolled back (or whose service died before
 * the commit) left neither: the retry then simply runs again. A transaction-scoped advisory lock on the key makes a
 * second request that arrives while the first is still running a 409 instead of a second run; the primary key is the
 * last guard (a duplicate insert fails the second transaction, it never commits a second record).
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    /** The header a replayed answer carries, so a client (and a test) can tell. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** Seed of the advisory lock's 64-bit hash, keeping these locks apart from the outbox relay's and the seeds'. */
    private static final long LOCK_SEED = 0x49646b;

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final IdempotencyConfig config;

    public IdempotencyKeys(EntityManager em, ObjectMapper mapper, IdempotencyConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Runs {@code create} once per caller and key: the first time in a transaction that also stores its answer (a 2xx
     * answer; a refusal is not stored, the same request may be corrected and sent again), afterwards the stored
     * answer for the same request, a 422 for another request and a 409 while the first is still running.
     *
     * @param caller      the token's subject, or "" for an anonymous caller (then the key and the request alone)
     * @param fingerprint a hash of what the request asks (method, path, body)
     */
    public Response once(String caller, String key, byte[] fingerprint, Callable<Response> create) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, ?2))")
                    .setParameter(1, caller.length() + ":" + caller + key).setParameter(2, LOCK_SEED).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                throw ProblemException.conflict("idempotency-key-in-use", IdempotencyKey.HEADER
                        + ": a request with this key is still being processed; wait for its answer, then retry");
            }
            @SuppressWarnings("unchecked")
            List<Object[]> stored = em.createNativeQuery("""
                            SELECT fingerprint, status, location, body, created_at > ?3 FROM idempotency_key
                            WHERE caller = ?1 AND request_key = ?2""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, Instant.now().minus(config.keep()))
                    .getResultList();
            if (!stored.isEmpty()) {
                Object[] row = stored.get(0);
                if (Boolean.TRUE.equals(row[4])) {
                    if (!Arrays.equals((byte[]) row[0], fingerprint)) {
                        throw ProblemException.unprocessable("idempotency-key-reused", IdempotencyKey.HEADER,
                                "this key was used for a different request; send a new key with a new request");
                    }
                    return replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
                }
                // expired: the key is free again
                em.createNativeQuery("DELETE FROM idempotency_key WHERE caller = ?1 AND request_key = ?2")
                        .setParameter(1, caller).setParameter(2, key).executeUpdate();
            }
            Response answer = create.call();
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                em.createNativeQuery("""
                                INSERT INTO idempotency_key (caller, request_key, fingerprint, status, location, body)
                                VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                        .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                        .setParameter(4, answer.getStatus())
                        .setParameter(5, answer.getLocation() == null ? null : answer.getLocation().toString())
                        .setParameter(6, answer.hasEntity() ? json(answer.getEntity()) : null)
                        .executeUpdate();
            }
            return answer;
        });
    }

    private Response replay(int status, String location, String body) throws JsonProcessingException {
        Response.ResponseBuilder answer = Response.status(status).header(REPLAYED, "true");
        if (location != null) {
            answer.location(URI.create(location));
        }
        if (body != null) {
            answer.entity(mapper.readTree(body)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private String json(Object entity) throws JsonProcessingException {
        return mapper.writeValueAsString(entity);
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneTick() {
        int deleted = prune(Instant.now().minus(config.keep()));
        if (deleted > 0) {
            LOG.infof("idempotency keys: %d answers older than %s deleted", deleted, config.keep());
        }
    }

    /** Deletes the answers stored before {@code before}, a batch per transaction; returns how many went. */
    public int prune(Instant before) {
        return BatchDeletes.olderThan(em, """
                DELETE FROM idempotency_key WHERE (caller, request_key) IN (
                    SELECT caller, request_key FROM idempotency_key WHERE created_at < ?1
                    LIMIT ?2 FOR UPDATE SKIP LOCKED)""", before);
    }
}
