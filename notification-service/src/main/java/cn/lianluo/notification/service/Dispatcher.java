package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.SealedContact;
import cn.lianluo.common.time.Zones;
import cn.lianluo.notification.config.NotifyConfig;
import cn.lianluo.notification.domain.Channel;
import cn.lianluo.notification.domain.MessageStatus;
import cn.lianluo.notification.domain.QuietHours;
import cn.lianluo.notification.domain.Recipient;
import cn.lianluo.notification.domain.RecipientKind;
import cn.lianluo.notification.persistence.Directory;
import cn.lianluo.notification.persistence.Messages;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends what the rules wrote. Each pass takes the due PENDING SMS and e-mails {@code FOR UPDATE SKIP LOCKED} (two
 * replicas never take one message), marks them SENDING and commits; then, one by one, checks the opt-out, the quiet
 * hours and the daily cap, calls the SMS provider or the mail server, and records the attempt and the outcome: SENT,
 * SKIPPED, back to PENDING later (quiet hours, or RETRY with a doubling wait) or FAILED. A message left SENDING by a
 * replica that died is FAILED "interrupted", never sent again: at most once.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Messages messages;
    private final Directory directory;
    private final SealedContact sealer;
    private final SmsProvider sms;
    private final Mailer mailer;
    private final NotifyConfig config;
    private final ObjectMapper mapper;
    private final QuietHours quietHours;

    public Dispatcher(Messages messages, Directory directory, SealedContact sealer, SmsProvider sms, Mailer mailer,
                      NotifyConfig config, ObjectMapper mapper) {
        this.messages = messages;
        this.directory = directory;
        this.sealer = sealer;
        this.sms = sms;
        this.mailer = mailer;
        this.config = config;
        this.mapper = mapper;
        this.quietHours = new QuietHours(config.sms().quietFrom(), config.sms().quietUntil(), Zones.CHINA);
    }

    @Scheduled(every = "${lianluo.notify.dispatch.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pass() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "a dispatch pass failed; the next pass tries again");
        }
    }

    /** One pass: the interrupted failed, then every due message sent or put off; how many were taken. */
    public int dispatchDue() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            int interrupted = messages.failInterrupted(now.minus(config.dispatch().interruptedAfter()), now);
            if (interrupted > 0) {
                LOG.warnf("%d message(s) were left SENDING by a replica that stopped: FAILED, not sent again", interrupted);
            }
        });
        List<Messages.Due> due = QuarkusTransaction.requiringNew().call(() -> messages.take(now, config.dispatch().batch()));
        for (Messages.Due message : due) {
            try {
                send(message);
            } catch (RuntimeException e) {
                LOG.errorf(e, "message %s could not be sent", message.id());
                finish(message, MessageStatus.FAILED, null, false, "GIVE_UP", null, "ERROR", e.toString());
            }
        }
        return due.size();
    }

    private void send(Messages.Due m) {
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
        String phoneHash = sealer.hash(phone);
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
        boolean allowed = QuarkusTransaction.requiringNew().call(() ->
                directory.reserveSms(phoneHash, now.atZone(Zones.CHINA).toLocalDate(), config.sms().dailyCap()));
        if (!allowed) {
            finish(m, MessageStatus.SKIPPED, null, false, "DAILY_CAP", null, null,
                    "the phone had " + config.sms().dailyCap() + " SMS today already");
            return;
        }
        SmsProvider.Result result;
        try {
            result = sms.send(new SmsProvider.Sms(phone, config.sms().signName(), m.template(), params(m), m.id().toString()));
        } catch (RuntimeException e) {
            result = new SmsProvider.Result(SmsProvider.Outcome.RETRY, "EXCEPTION", e.toString(), null);
        }
        switch (result.outcome()) {
            case SENT -> finish(m, MessageStatus.SENT, null, true, "SENT", sms.name(), result.code(),
                    result.providerMessageId() == null ? result.detail() : result.providerMessageId());
            case GIVE_UP -> finish(m, MessageStatus.FAILED, null, true, "GIVE_UP", sms.name(), result.code(), result.detail());
            case RETRY -> retry(m, sms.name(), result.code(), result.detail());
        }
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
        Duration wait = backoff(config.dispatch().backoff(), made);
        finish(m, MessageStatus.PENDING, Instant.now().plus(wait), true, "RETRY", provider, code, detail);
    }

    /** The wait after the {@code made}-th failed attempt: base, 2 × base, 4 × base, … */
    static Duration backoff(Duration base, int made) {
        return base.multipliedBy(1L << Math.min(16, Math.max(0, made - 1)));
    }

    private void finish(Messages.Due m, MessageStatus status, Instant notBefore, boolean counted, String outcome,
                        String provider, String code, String detail) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            messages.finish(m.id(), status.name(), notBefore, counted, now);
            messages.attempt(new Messages.Attempt(m.id(), now, outcome, provider, code, detail));
        });
    }

    private Map<String, String> params(Messages.Due m) {
        try {
            return m.params() == null ? Map.of() : mapper.readValue(m.params(), new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the params of message " + m.id() + " are not JSON", e);
        }
    }
}
