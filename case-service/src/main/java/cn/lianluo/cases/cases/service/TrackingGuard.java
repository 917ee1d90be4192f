package cn.lianluo.cases.cases.service;

import cn.lianluo.cases.cases.persistence.CaseEntity;
import cn.lianluo.cases.cases.persistence.CaseRepositories;
import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The public tracking page is the only door to a case without a token, guarded by the citizen's phone. The masked
 * phone leaves 10,000 guesses, so 5 wrong phones within an hour lock the tracking code for an hour: while it is locked
 * every lookup of it (with the right phone too, of a code that exists or not) gets the same 429, so the lock tells
 * nothing. The count is a row per code in case-service's database, locked {@code FOR UPDATE}, so every replica agrees
 * and concurrent guesses are counted one after the other. Failures of one phone on other codes do not touch a code.
 */
@ApplicationScoped
public class TrackingGuard {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration LOCK = Duration.ofHours(1);
    /** What a tracking code can look like (LL + 10 of the alphabet, LB + digits in bench data); others are not counted. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,20}");

    /** A locked code: a 429 with Retry-After. */
    public static final class Locked extends ProblemException {
        private final long retryAfterSeconds;

        Locked(long retryAfterSeconds) {
            super(429, "tracking-locked", "Too many requests 请求过于频繁",
                    "too many wrong phones for this tracking code; it is locked for an hour after the fifth");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final EntityManager em;
    private final CaseRepositories.Cases cases;
    private final CitizenCipher cipher;
    private final CaseClock clock;

    public TrackingGuard(EntityManager em, CaseRepositories.Cases cases, CitizenCipher cipher, CaseClock clock) {
        this.em = em;
        this.cases = cases;
        this.cipher = cipher;
        this.clock = clock;
    }

    static String normalised(String trackingCode) {
        return trackingCode == null ? "" : trackingCode.strip().toUpperCase();
    }

    /**
     * The case of a tracking code and phone. Committed on its own (a wrong phone is counted although the request
     * fails), before the caller's transaction reads the case.
     *
     * @throws Locked when the code is locked
     * @throws ProblemException 404 for a wrong phone or an unknown code alike
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ProblemException.class)
    public UUID admit(String trackingCode, String phone) {
        String code = normalised(trackingCode);
        if (!CODE.matcher(code).matches()) {
            throw notFound();
        }
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT failures, first_failure, locked_until FROM tracking_lock WHERE tracking_code = ?1 FOR UPDATE")
                .setParameter(1, code).getResultList();
        Object[] row = rows.isEmpty() ? null : rows.get(0);
        Instant lockedUntil = row == null ? null : instant(row[2]);
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw new Locked(Math.max(1, Duration.between(now, lockedUntil).toSeconds()));
        }
        CaseEntity c = cases.byTrackingCode(code).orElse(null);
        if (c != null && cipher.phoneMatches(c, phone)) {
            return c.id;
        }
        if (row == null) {
            // a concurrent first failure may have inserted the row meanwhile: then this one adds to it
            em.createNativeQuery("INSERT INTO tracking_lock (tracking_code, failures, first_failure) VALUES (?1, 1, ?2) "
                            + "ON CONFLICT (tracking_code) DO UPDATE SET failures = tracking_lock.failures + 1")
                    .setParameter(1, code).setParameter(2, now).executeUpdate();
        } else {
            boolean fresh = lockedUntil != null || instant(row[1]).plus(WINDOW).isBefore(now);
            int failures = fresh ? 1 : ((Number) row[0]).intValue() + 1;
            em.createNativeQuery("UPDATE tracking_lock SET failures = ?2, first_failure = ?3, "
                            + "locked_until = CASE WHEN ?2 >= ?5 THEN CAST(?4 AS timestamptz) END WHERE tracking_code = ?1")
                    .setParameter(1, code).setParameter(2, failures).setParameter(3, fresh ? now : instant(row[1]))
                    .setParameter(4, now.plus(LOCK)).setParameter(5, MAX_FAILURES).executeUpdate();
        }
        throw notFound();
    }

    /** Rows of codes neither locked nor counting any more. */
    @Transactional
    public int forgetExpired() {
        Instant now = clock.now();
        return em.createNativeQuery("DELETE FROM tracking_lock WHERE coalesce(locked_until, first_failure + interval '1 hour') < ?1")
                .setParameter(1, now).executeUpdate();
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "not-found", "Not found 未找到", "no case matches this tracking code and phone");
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
