package cn.lianluo.notification.service;

import cn.lianluo.common.data.SqlValues;
import cn.lianluo.notification.config.WebhookConfig;
import cn.lianluo.notification.domain.Backoff;
import cn.lianluo.notification.domain.WebhookSignature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The delivery worker. A pass takes due deliveries {@code FOR UPDATE SKIP LOCKED} (two replicas never take the same),
 * skipping those of paused subscriptions and those with an earlier delivery of the same subscription and subject still
 * pending (order per case), leases them (moves {@code not_before} past the HTTP timeouts) and commits; then POSTs them
 * all at once and records each attempt. A replica killed mid-delivery leaves the lease to run out and the delivery is sent again:
 * at least once, and receivers drop a CloudEvent id they have seen.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int ERROR_LENGTH = 500;

    /** A delivery taken by this pass, with all it needs to be sent. */
    record Due(long id, String url, String secretSealed, String envelope, int attempts, Instant firstAttemptAt) {
    }

    private final EntityManager em;
    private final WebhookConfig config;
    private final WebhookSecrets secrets;
    private final UrlPolicy urls;
    private final HttpClient http;
    private final MeterRegistry registry;

    public WebhookDelivery(EntityManager em, WebhookConfig config, WebhookSecrets secrets, UrlPolicy urls,
                           MeterRegistry registry) {
        this.registry = registry;
        this.em = em;
        this.config = config;
        this.secrets = secrets;
        this.urls = urls;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // both series from the start: a rate of failures reads 0, not "no data", before the first attempt
        webhookDeliveries("sent");
        webhookDeliveries("failed");
    }

    private Counter webhookDeliveries(String outcome) {
        return Counter.builder("lianluo.webhook.deliveries").description("Webhook attempts, delivered or failed")
                .tag("outcome", outcome).register(registry);
    }

    @Scheduled(every = "${lianluo.notify.webhooks.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            while (deliverDue() == config.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "a webhook delivery pass failed; the next pass tries again");
        }
    }

    /** One pass: takes what is due, sends it all at once and records each answer; answers how many it took. */
    public int deliverDue() {
        List<Due> due = QuarkusTransaction.requiringNew().call(this::take);
        List<CompletableFuture<Answer>> answers = due.stream().map(this::send).toList();
        for (int i = 0; i < due.size(); i++) {
            Answer answer = answers.get(i).join();
            record(due.get(i), answer.status(), answer.error());
        }
        return due.size();
    }

    /** What the receiver said: its HTTP status (null when it did not answer) and, unless 2xx, why it failed. */
    record Answer(Integer status, String error) {
    }

    private List<Due> take() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, s.url, s.secret_sealed, e.envelope, d.attempts, d.first_attempt_at
                        FROM webhook_delivery d
                        JOIN webhook_subscription s ON s.id = d.subscription_id
                        JOIN webhook_event e ON e.id = d.webhook_event_id
                        WHERE d.status = 'PENDING' AND d.not_before <= now() AND s.status = 'ACTIVE'
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery b
                                          WHERE b.subscription_id = d.subscription_id AND b.subject = d.subject
                                            AND b.status = 'PENDING' AND b.id < d.id)
                        ORDER BY d.id LIMIT ?1
                        FOR UPDATE OF d SKIP LOCKED""")
                .setParameter(1, config.batchSize()).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Due> due = rows.stream().map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], ((Number) r[4]).intValue(), SqlValues.instant(r[5]))).toList();
        em.createNativeQuery("""
                        UPDATE webhook_delivery SET not_before = now() + make_interval(secs => ?2),
                                                    first_attempt_at = coalesce(first_attempt_at, now())
                        WHERE id = ANY(CAST(?1 AS bigint[]))""")
                .setParameter(1, due.stream().map(d -> String.valueOf(d.id()))
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .setParameter(2, (double) config.lease().toSeconds())
                .executeUpdate();
        return due;
    }

    private CompletableFuture<Answer> send(Due d) {
        Optional<String> refused = urls.refusal(d.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Answer(null, "not sent: " + refused.get()));
        }
        HttpRequest request;
        try {
            long timestamp = Instant.now().getEpochSecond();
            request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(config.answerTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("User-Agent", "Lianluo-Webhooks/1")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(secrets.open(d.secretSealed()), timestamp, d.envelope()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.envelope(), StandardCharsets.UTF_8))
                    .build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Answer(null, "not sent: " + e.getMessage()));
        }
        // the request's timeout covers the wait for the answer's head only; this bound covers the whole exchange, so a
        // receiver that never finishes cannot hold up the pass (its join() below) past the delivery's lease. It times
        // out a copy: the client's own future stays open to be cancelled, which aborts the exchange, lest the request
        // go on in the background while the delivery is retried (a second copy at the receiver)
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        return call.copy().orTimeout(overallTimeout().toMillis(), TimeUnit.MILLISECONDS).handle((response, failure) -> {
            if (failure != null) {
                call.cancel(true);
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                return new Answer(null, cause.getClass().getSimpleName()
                        + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            }
            int status = response.statusCode();
            return new Answer(status, status / 100 == 2 ? null : "the receiver answered " + status);
        });
    }

    /** The longest one delivery may take in all: connecting, then the answer, and a margin; well inside the lease. */
    Duration overallTimeout() {
        return config.connectTimeout().plus(config.answerTimeout()).plusSeconds(5);
    }

    private void record(Due d, Integer status, String error) {
        Instant now = Instant.now();
        Instant first = d.firstAttemptAt() == null ? now : d.firstAttemptAt();
        String outcome;
        Instant next = null;
        if (error == null) {
            outcome = "DELIVERED";
        } else if (now.isAfter(first.plus(config.giveUpAfter()))) {
            outcome = "DEAD";
        } else {
            outcome = "RETRY";
            Duration delay = Backoff.after(d.attempts() + 1, config.firstRetryDelay(), config.maxRetryDelay());
            next = now.plus(delay);
        }
        // lianluo_webhook_deliveries_total: each attempt, delivered (sent) or not (failed, tried again or given up)
        webhookDeliveries(error == null ? "sent" : "failed").increment();
        String shortError = error == null ? null : error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
        Instant notBefore = next == null ? now : next;
        int code = status == null ? -1 : status;
        String text = shortError == null ? "" : shortError;
        QuarkusTransaction.requiringNew().run(() -> {
            int updated = em.createNativeQuery("""
                            UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = ?2,
                                   last_status = NULLIF(?3, -1), last_error = NULLIF(?4, ''),
                                   status = CASE WHEN ?5 = 'DELIVERED' THEN 'DELIVERED' WHEN ?5 = 'DEAD' THEN 'DEAD'
                                                 ELSE 'PENDING' END,
                                   delivered_at = CASE WHEN ?5 = 'DELIVERED' THEN CAST(?2 AS timestamptz) END,
                                   not_before = ?6
                            WHERE id = ?1 AND status = 'PENDING'""")
                    .setParameter(1, d.id()).setParameter(2, now).setParameter(3, code).setParameter(4, text)
                    .setParameter(5, outcome).setParameter(6, notBefore)
                    .executeUpdate();
            if (updated == 1) {
                em.createNativeQuery("""
                                INSERT INTO webhook_attempt (delivery_id, at, status_code, outcome, error)
                                VALUES (?1, ?2, NULLIF(?3, -1), ?4, NULLIF(?5, ''))""")
                        .setParameter(1, d.id()).setParameter(2, now).setParameter(3, code).setParameter(4, outcome)
                        .setParameter(5, text).executeUpdate();
            }
        });
        if (!"DELIVERED".equals(outcome)) {
            LOG.infof("webhook delivery %d: %s (%s)", d.id(), outcome, error);
        }
    }
}
