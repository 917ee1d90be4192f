package cn.lianluo.notification.service;

import cn.lianluo.common.privacy.Masking;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The local default: writes each SMS to the log instead of sending it, with the phone and the variables masked. The
 * message is recorded LOG_ONLY (not SENT: nothing reached the phone), so a developer and the tests see every SMS the
 * rules produce, and an installation that forgot to configure a provider shows it in its message log.
 */
public class LogSmsProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(LogSmsProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Result send(Sms sms) {
        LOG.infof("SMS (log only) to %s, template %s %s, params %s", Masking.phone(sms.phone()),
                sms.signName(), sms.templateCode(), masked(sms.params()));
        return new Result(Outcome.LOG_ONLY, "LOG_ONLY", "written to the log, not sent", "log-" + UUID.randomUUID());
    }

    /**
     * The template's variables as the log may show them: their names, and each value masked (a tracking code, a
     * name or a phone is personal information; the whole text is in the messages table, for those allowed to read it).
     */
    static Map<String, String> masked(Map<String, String> params) {
        Map<String, String> masked = new TreeMap<>();
        if (params != null) {
            params.forEach((name, value) -> masked.put(name, Masking.secret(value)));
        }
        return masked;
    }
}
