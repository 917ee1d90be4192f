package cn.lianluo.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Alibaba Cloud SMS (阿里云短信): one Dysmsapi {@code SendSms} call (Version 2017-05-25) per message, signed as
 * {@link AliyunRpcSignature} describes, sent with POST and every parameter in the form body (so the phone is in no
 * URL a proxy might log). The message's template is
 * named by our template name ({@link Sms#templateCode()}, e.g. {@code citizen-received}); the approved code it stands
 * for comes from configuration. The answer's {@code Code} decides the outcome (the table in docs/notifications.md):
 * {@code OK} is SENT with the provider's {@code BizId}; throttling, the provider's own failures named by a code, no
 * connection and a failed TLS handshake are RETRY; the hour's limit (小时级流控) is HOUR_LIMIT, the day's
 * ({@code isv.DAY_LIMIT_CONTROL}, or 天级流控) DAY_LIMIT; no answer in time, a connection lost after the request went
 * out and a 5xx without a code are UNKNOWN (the SMS may have gone: not resent); anything else (a bad phone, template,
 * 签名, key or an empty balance) is GIVE_UP.
 */
public class AliyunSmsProvider implements SmsProvider {

    private static final Logger LOG = Logger.getLogger(AliyunSmsProvider.class);

    /** Codes after which the same message may well go through later. */
    static final Set<String> RETRY_CODES = Set.of(
            "isv.BUSINESS_LIMIT_CONTROL", "ServiceUnavailable", "InternalError", "isp.SYSTEM_ERROR", "SYSTEM_ERROR");

    /** Codes saying the day's limit is reached (for the phone or the account): sending again today cannot help. */
    static final Set<String> DAY_LIMIT_CODES = Set.of("isv.DAY_LIMIT_CONTROL");

    /** The per-number flow control, whose message names the limit reached: 分钟级, 小时级 or 天级流控. */
    static final String FLOW_CONTROL = "isv.BUSINESS_LIMIT_CONTROL";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What the adapter needs to call the provider; the producer fills it from {@code lianluo.notify.sms.aliyun}. */
    public record Settings(URI endpoint, String accessKeyId, String accessKeySecret, String regionId,
                           Map<String, String> templateCodes, Duration connectTimeout, Duration timeout) {
        public Settings {
            Objects.requireNonNull(endpoint, "endpoint");
            if (accessKeyId == null || accessKeyId.isBlank() || accessKeySecret == null || accessKeySecret.isBlank()) {
                throw new IllegalArgumentException("the aliyun SMS provider needs an AccessKey ID and secret "
                        + "(LIANLUO_SMS_ACCESS_KEY_ID, LIANLUO_SMS_ACCESS_KEY_SECRET)");
            }
            templateCodes = Map.copyOf(templateCodes);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AliyunSmsProvider(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "aliyun";
    }

    @Override
    public Result send(Sms sms) {
        String code = settings.templateCodes().get(sms.templateCode());
        if (code == null || code.isBlank()) {
            return new Result(Outcome.GIVE_UP, "NO_TEMPLATE_CODE", "no Aliyun template code is configured for template "
                    + sms.templateCode() + " (lianluo.notify.sms.aliyun.template-codes." + sms.templateCode() + ")", null);
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.timeout())
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(signedForm(sms, code))).build();
        } catch (JsonProcessingException e) {
            return new Result(Outcome.GIVE_UP, "BAD_PARAMS", "the template's variables are not JSON: " + e.getMessage(), null);
        }
        HttpResponse<String> response;
        var call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // the request's own timeout ends the wait for the answer's head; this one also bounds a body that trickles
            response = call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return unknown("TIMEOUT", "no answer within " + settings.timeout() + ": the provider may have sent it");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return unknown("INTERRUPTED", "the call was interrupted after the request was sent");
        } catch (ExecutionException e) {
            return failed(e.getCause() == null ? e : e.getCause());
        }
        return outcome(response.statusCode(), response.body());
    }

    /** A call that failed without an answer: RETRY only when the request surely never left. */
    Result failed(Throwable cause) {
        if (beforeSending(cause)) {
            // no connection, or no TLS session to send it on: the request never left, so trying again cannot send twice
            return new Result(Outcome.RETRY, "IO_ERROR", String.valueOf(cause), null);
        }
        if (cause instanceof HttpTimeoutException) {
            return unknown("TIMEOUT", "no answer within " + settings.timeout() + ": the provider may have sent it");
        }
        return unknown("IO_ERROR", "the call failed after the request may have been sent: " + cause);
    }

    /**
     * Whether the failure came before the request could leave: connecting (refused, timed out) or the TLS handshake
     * (an untrusted certificate, no common protocol), looked for down the chain of causes the client may wrap it in.
     */
    private static boolean beforeSending(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private static Result unknown(String code, String detail) {
        return new Result(Outcome.UNKNOWN, code, detail, null);
    }

    /** The form of one SendSms call, its signature last. */
    String signedForm(Sms sms, String templateCode) throws JsonProcessingException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccessKeyId", settings.accessKeyId());
        params.put("Action", "SendSms");
        params.put("Version", "2017-05-25");
        params.put("Format", "JSON");
        params.put("RegionId", settings.regionId());
        params.put("SignatureMethod", "HMAC-SHA1");
        params.put("SignatureVersion", "1.0");
        params.put("SignatureNonce", UUID.randomUUID().toString());
        params.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        params.put("PhoneNumbers", sms.phone());
        params.put("SignName", sms.signName());
        params.put("TemplateCode", templateCode);
        params.put("TemplateParam", json.writeValueAsString(new TreeMap<>(sms.params())));
        if (sms.outId() != null) {
            params.put("OutId", sms.outId());
        }
        String signature = AliyunRpcSignature.sign("POST", params, settings.accessKeySecret());
        return AliyunRpcSignature.canonicalQuery(params) + "&Signature=" + AliyunRpcSignature.percentEncode(signature);
    }

    /** The outcome of one answer: its {@code Code} first, the HTTP status when the body says nothing. */
    static Result outcome(int status, String body) {
        JsonNode answer = null;
        try {
            answer = body == null || body.isBlank() ? null : new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            LOG.debugf("Aliyun SMS answered %d with a body that is not JSON", status);
        }
        String code = answer == null ? "" : answer.path("Code").asText("");
        String message = answer == null ? "" : answer.path("Message").asText("");
        if (code.isEmpty()) {
            // a 5xx without a code may come from a proxy after the provider took the request: it may have been sent
            Outcome outcome = status == 429 ? Outcome.RETRY : status >= 500 ? Outcome.UNKNOWN : Outcome.GIVE_UP;
            return new Result(outcome, "HTTP_" + status, "the provider answered HTTP " + status + " without a code", null);
        }
        if ("OK".equals(code) && status / 100 == 2) {
            return new Result(Outcome.SENT, code, message, answer.path("BizId").asText(null));
        }
        boolean flowControl = FLOW_CONTROL.equals(code);
        if (DAY_LIMIT_CODES.contains(code) || flowControl && message.contains("天级")) {
            return new Result(Outcome.DAY_LIMIT, code, message, null);
        }
        if (flowControl && (message.contains("小时") || message.toLowerCase(Locale.ROOT).contains("hour"))) {
            return new Result(Outcome.HOUR_LIMIT, code, message, null);
        }
        boolean retry = RETRY_CODES.contains(code) || code.startsWith("Throttling") || status >= 500;
        return new Result(retry ? Outcome.RETRY : Outcome.GIVE_UP, code, message, null);
    }
}
