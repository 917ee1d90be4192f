package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.time.Zones;
import cn.lianluo.notification.config.NotifyConfig;
import cn.lianluo.notification.domain.Backoff;
import cn.lianluo.notification.domain.Channel;
import cn.lianluo.notification.domain.MessageStatus;
import cn.lianluo.notification.domain.QuietHours;
import cn.lianluo.notification.domain.Recipient;
import cn.lianluo.notification.domain.RecipientKind;
import cn.lianluo.notification.persistence.Directory;
import cn.lianluo.notification.persistence.Messages;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Sends what the rules wrote. A pass takes the due PENDING SMS and e-mails one at a time: each is taken
 * {@code FOR UPDATE SKIP LOCKED} (two replicas never take one message) and marked SENDING in a transaction of its own
 * just before it is sent; then the opt-out, the quiet hours and the daily cap (taken once per message) are checked, the
 * SMS provider or the mail server called, and the attempt and the outcome recorded: SENT, LOG_ONLY (the log adapter),
 * SKIPPED, back to PENDING later (quiet hours, the provider's hour or day limit, or RETRY with a doubling wait) or FAILED. An
 * answer that leaves open whether the SMS went out is FAILED UNKNOWN_OUTCOME, not sent again. At shutdown the worker
 * finishes the message under way and takes no other: the rest stay PENDING for another replica. A message left SENDING
 * by a replica that died is FAILED "interrupted", never sent again: at most once.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** When an SMS refused for the provider's day limit is tried again: the next day at 08:00, China time. */
    static final LocalTime NEXT_DAY_AT = LocalTime.of(8, 0);

    /** The longest wait between two attempts, as a multiple of {@code lianluo.notify.dispatch.backoff}. */
    static final long MAX_BACKOFF_FACTOR = 1L << 16;

    private final Messages messages;
    private final Directory directory;
    private final SealedContact sealer;
    private final SmsProvider sms;
    private final Mailer mailer;
    private final NotifyConfig config;
    private final ObjectMapper mapper;
    private final QuietHours quietHours;
    private final MeterRegistry registry;
    /** Set at shutdown: the pass stops before the next message. */
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Held while a pass runs, so that shutdown can wait for the message under way. */
    private final ReentrantLock passing = new ReentrantLock();

    public Dispatcher(Messages messages, Directory directory, SealedContact sealer, SmsProvider sms, Mailer mailer,
                      NotifyConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.registry = registry;
        this.messages = messages;
        this.directory = directory;
        this.sealer = sealer;
        this.sms = sms;
        this.mailer = mailer;
        this.config = config;
        this.mapper = mapper;
        this.quietHours = new QuietHours(config.sms().quietFrom(), config.sms().quietUntil(), Zones.CHINA);
        // both series from the start: a rate of failures reads 0, not "no data", before the first SMS
        smsDeliveries("sent");
        smsDeliveries("failed");
    }

    @Scheduled(every = "${lianluo.notify.dispatch.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pass() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "a dispatch pass failed; the next pass tries again");
        }
    }

    /** At shutdown: take no further message, and wait (a bounded time) for the one being sent. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopSending();
        try {
            if (passing.tryLock(config.dispatch().shutdownWait().toMillis(), TimeUnit.MILLISECONDS)) {
                passing.unlock();
            } else {
                LOG.warnf("the message being sent did not finish within %s; a later pass of another replica marks it "
                        + "FAILED interrupted", config.dispatch().shutdownWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The worker takes no further message (shutdown); those not taken stay PENDING for another replica. */
    public void stopSending() {
        stopping.set(true);
    }

    /** Undoes {@link #stopSending()} (for the tests). */
    void resumeSending() {
        stopping.set(false);
    }

    /** One pass: the interrupted failed, then up to a batch of due messages sent or put off, one by one; how many. */
    public int dispatchDue() {
        passing.lock();
        try {
            Instant now = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> {
                int interrupted = messages.failInterrupted(now.minus(config.dispatch().interruptedAfter()), now);
                if (interrupted > 0) {
                    LOG.warnf("%d message(s) were left SENDING by a replica that stopped: FAILED, not sent again", interrupted);
                }
            });
            int taken = 0;
            while (taken < config.dispatch().batch() && !stopping.get()) {
                Optional<Messages.Due> next = QuarkusTransaction.requiringNew().call(() -> messages.takeOne(Instant.now()));
                if (next.isEmpty()) {
                    break;
                }
                taken++;
                Messages.Due message = next.get();
                try {
                    send(message);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "message %s could not be sent", message.id());
                    finish(message, MessageStatus.FAILED, null, false, "GIVE_UP", null, "ERROR", e.toString());
                }
            }
            return taken;
        } finally {
            passing.unlock();
        }
    }

    private void send(Messages.Due m) {
        if (m.expiresAt() != null && !Instant.now().isBefore(m.expiresAt())) {
            // a vote's SMS held past the vote's close (quiet hours, retries, a backlog) would ask for a vote no longer open
            finish(m, MessageStatus.SKIPPED, null, false, "EXPIRED", null, null,
                    "not sent by " + m.expiresAt() + ", after which it is of no use");
            return;
        }
        Channel channel = Channel.valueOf(m.channel());
        String address = sealer.open(m.addressSealed());
        if (channel == Channel.SMS) {
            sendSms(m, address);
        } else if (channel == Channel.EMAIL) {
            sendEmail(m, address);
        } else {
            finish(m, MessageStatus.SENT, null, false, "SENT", null, null, "inbox");
        }
    }

    private void sendSms(Messages.Due m, String phone) {
        Instant now = Instant.now();
        SealedContact.Hashes phoneHash = sealer.hashes(phone);
        boolean citizen = Recipient.parse(m.recipient()).kind() == RecipientKind.CITIZEN;
        if (citizen && QuarkusTransaction.requiringNew().call(() -> directory.optedOut(phoneHash))) {
            finish(m, MessageStatus.SKIPPED, null, false, "OPTED_OUT", null, null, "the citizen asked for no SMS");
            return;
        }
        Optional<Instant> held = quietHours.holdUntil(now, m.urgent());
        if (held.isPresent()) {
            finish(m, MessageStatus.PENDING, held.get(), false, "QUIET_HOURS", null, null,
                    "quiet hours " + config.sms().quietFrom() + "–" + config.sms().quietUntil() + ": held until " + held.get());
            return;
        }
        // the cap counts messages, not attempts: a message takes its place once, on its first call (and again when
        // the provider's hour or day limit put it off)
        boolean allowed = m.capReserved() || QuarkusTransaction.requiringNew().call(() -> {
            boolean reserved = directory.reserveSms(phoneHash, now.atZone(Zones.CHINA).toLocalDate(), config.sms().dailyCap());
            if (reserved) {
                messages.capReserved(m.id());
            }
            return reserved;
        });
        if (!allowed) {
            finish(m, MessageStatus.SKIPPED, null, false, "DAILY_CAP", null, null,
                    "the phone had " + config.sms().dailyCap() + " SMS today already");
            return;
        }
        SmsProvider.Sms text = new SmsProvider.Sms(phone, config.sms().signName(), m.template(), params(m), m.id().toString());
        SmsProvider.Result result;
        try {
            result = sms.send(text);
        } catch (RuntimeException e) {
            result = new SmsProvider.Result(SmsProvider.Outcome.UNKNOWN, "EXCEPTION", e.toString(), null);
        }
        String provider = sms.name();
        counted(result.outcome());
        switch (result.outcome()) {
            case SENT -> finish(m, MessageStatus.SENT, null, true, "SENT", provider, result.code(),
                    result.providerMessageId() == null ? result.detail() : result.providerMessageId());
            case LOG_ONLY -> finish(m, MessageStatus.LOG_ONLY, null, true, "LOG_ONLY", provider, result.code(),
                    result.detail());
            case GIVE_UP -> finish(m, MessageStatus.FAILED, null, true, "GIVE_UP", provider, result.code(), result.detail());
            case RETRY -> retry(m, provider, result.code(), result.detail());
            case HOUR_LIMIT -> {
                Instant later = nextHour(Instant.now());
                putOff(m, later, "HOUR_LIMIT", provider, result.code(),
                        "the provider's limit for the hour is reached, tried again at " + later + ": " + result.detail());
            }
            case DAY_LIMIT -> {
                Instant later = nextDay(Instant.now());
                putOff(m, later, "DAY_LIMIT", provider, result.code(),
                        "the provider's limit for the day is reached, tried again at " + later + ": " + result.detail());
            }
            // at most once: an SMS that may have gone out is not sent again, whatever the retries left
            case UNKNOWN -> finish(m, MessageStatus.FAILED, null, true, "UNKNOWN_OUTCOME", provider, result.code(),
                    "not sent again, it may have reached the phone: " + result.detail());
        }
    }

    /**
     * {@code lianluo_sms_deliveries_total}: each answer of the provider that sent the SMS ({@code sent}) or did not
     * ({@code failed}: refused, tried again later, or not known to have gone out); a limit reached and the log adapter
     * count neither.
     */
    private void counted(SmsProvider.Outcome outcome) {
        String label = switch (outcome) {
            case SENT -> "sent";
            case RETRY, GIVE_UP, UNKNOWN -> "failed";
            case LOG_ONLY, HOUR_LIMIT, DAY_LIMIT -> null;
        };
        if (label != null) {
            smsDeliveries(label).increment();
        }
    }

    private Counter smsDeliveries(String outcome) {
        return Counter.builder("lianluo.sms.deliveries").description("SMS sent or failed, by the provider's answer")
                .tag("outcome", outcome).register(registry);
    }

    /** The start of the next hour: when an SMS refused for the provider's hour limit is tried again. */
    static Instant nextHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    /** The next day's 08:00, China time: when an SMS refused for the provider's day limit is tried again. */
    static Instant nextDay(Instant now) {
        return now.atZone(Zones.CHINA).toLocalDate().plusDays(1).atTime(NEXT_DAY_AT).atZone(Zones.CHINA).toInstant();
    }

    private void sendEmail(Messages.Due m, String to) {
        try {
            mailer.send(Mail.withText(to, "【" + config.sms().signName() + "】" + m.title(), m.body()));
        } catch (RuntimeException e) {
            retry(m, "smtp", "SMTP", e.getMessage() == null ? e.toString() : e.getMessage());
            return;
        }
        finish(m, MessageStatus.SENT, null, true, "SENT", "smtp", null, null);
    }

    private void retry(Messages.Due m, String provider, String code, String detail) {
        int made = m.attempts() + 1;
        if (made >= config.dispatch().maxAttempts()) {
            finish(m, MessageStatus.FAILED, null, true, "GIVE_UP", provider, code,
                    "gave up after " + made + " attempts: " + detail);
            return;
        }
        Duration base = config.dispatch().backoff();
        Duration wait = Backoff.after(made, base, base.multipliedBy(MAX_BACKOFF_FACTOR));
        finish(m, MessageStatus.PENDING, Instant.now().plus(wait), true, "RETRY", provider, code, detail);
    }

    private void finish(Messages.Due m, MessageStatus status, Instant notBefore, boolean counted, String outcome,
                        String provider, String code, String detail) {
        record(m, now -> messages.finish(m.id(), status.name(), notBefore, counted, now), outcome, provider, code, detail);
    }

    /**
     * Back to PENDING until {@code later} for the provider's hour or day limit. Not an attempt (the limit says nothing
     * of the message, and waiting for it must not use up the retries); and the message takes a place under the daily
     * cap again when it is tried, on the day it is tried (the place it took stays counted where it was taken).
     */
    private void putOff(Messages.Due m, Instant later, String outcome, String provider, String code, String detail) {
        record(m, now -> messages.putOff(m.id(), later), outcome, provider, code, detail);
    }

    /** Applies the message's new state ({@code change}, false when it was no longer SENDING) and records the attempt. */
    private void record(Messages.Due m, Predicate<Instant> change, String outcome, String provider, String code,
                        String detail) {
        Instant now = Instant.now();
        boolean changed = QuarkusTransaction.requiringNew().call(() -> {
            boolean still = change.test(now);
            // the attempt is recorded either way: what the provider said is true even if the status no longer moves
            messages.attempt(new Messages.Attempt(m.id(), now, outcome, provider, code, detail));
            return still;
        });
        if (!changed) {
            LOG.warnf("message %s was no longer SENDING (found left over and FAILED interrupted): its %s stays unapplied",
                    m.id(), outcome);
        }
    }

    private Map<String, String> params(Messages.Due m) {
        try {
            return m.params() == null ? Map.of() : mapper.readValue(m.params(), new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the params of message " + m.id() + " are not JSON", e);
        }
    }
}
