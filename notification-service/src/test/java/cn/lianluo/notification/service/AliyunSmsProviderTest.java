package cn.lianluo.notification.service;

import cn.lianluo.notification.service.SmsProvider.Outcome;
import cn.lianluo.notification.service.SmsProvider.Result;
import cn.lianluo.notification.service.SmsProvider.Sms;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Aliyun adapter against a real HTTP server on 127.0.0.1 that plays Dysmsapi: it checks each request's signature
 * with its own implementation of the documented algorithm and answers as the provider does.
 */
class AliyunSmsProviderTest {

    private static final String KEY_ID = "LTAI-test-id";
    private static final String SECRET = "test-secret-不可外传";

    private HttpServer server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<String> methods = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The signature example of Alibaba Cloud's "Signature mechanism" page (DescribeRegions, testid/testsecret). */
    @Test
    void the_signer_reproduces_the_documented_example() {
        Map<String, String> params = Map.of(
                "AccessKeyId", "testid", "Action", "DescribeRegions", "Format", "XML",
                "SignatureMethod", "HMAC-SHA1", "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0", "Timestamp", "2016-02-23T12:46:24Z", "Version", "2014-05-26");

        assertThat(AliyunRpcSignature.stringToSign("GET", params)).isEqualTo("GET&%2F&AccessKeyId%3Dtestid"
                + "%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(AliyunRpcSignature.sign("GET", params, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void percent_encoding_follows_the_provider_not_html_forms() {
        assertThat(AliyunRpcSignature.percentEncode("a b*c~d+e/张")).isEqualTo("a%20b%2Ac~d%2Be%2F%E5%BC%A0");
    }

    @Test
    void a_correctly_signed_send_is_accepted_with_its_biz_id() {
        Result result = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000000", "case-received"));

        assertThat(result.outcome()).isEqualTo(Outcome.SENT);
        assertThat(result.code()).isEqualTo("OK");
        assertThat(result.providerMessageId()).isEqualTo("biz-13800000000");
        assertThat(methods).containsOnly("POST");
        Map<String, String> call = received.get(0);
        assertThat(call).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25")
                .containsEntry("Format", "JSON").containsEntry("RegionId", "cn-hangzhou")
                .containsEntry("AccessKeyId", KEY_ID).containsEntry("SignatureMethod", "HMAC-SHA1")
                .containsEntry("SignatureVersion", "1.0").containsEntry("Timestamp", "2026-12-02T04:05:06Z")
                .containsEntry("PhoneNumbers", "13800000000").containsEntry("SignName", "联络平台")
                .containsEntry("TemplateCode", "SMS_100001")
                .containsEntry("TemplateParam", "{\"name\":\"张 敏*\",\"trackingCode\":\"LL-2026-0001\"}")
                .containsEntry("OutId", "msg-1").containsKey("SignatureNonce");
    }

    @Test
    void every_call_has_its_own_nonce() {
        AliyunSmsProvider provider = provider(SECRET, Duration.ofSeconds(5));
        provider.send(sms("13800000000", "case-received"));
        provider.send(sms("13800000000", "case-received"));

        assertThat(received).hasSize(2);
        assertThat(received.get(0).get("SignatureNonce")).isNotEqualTo(received.get(1).get("SignatureNonce"));
    }

    @Test
    void a_wrong_secret_is_refused_by_the_server_and_given_up() {
        Result result = provider("another-secret", Duration.ofSeconds(5)).send(sms("13800000000", "case-received"));

        assertThat(result.outcome()).isEqualTo(Outcome.GIVE_UP);
        assertThat(result.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void throttling_is_retried_later() {
        Result limited = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000001", "case-received"));
        Result throttled = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000002", "case-received"));

        assertThat(limited.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(limited.code()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
        assertThat(throttled.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(throttled.code()).isEqualTo("Throttling.User");
    }

    @Test
    void an_illegal_number_is_given_up() {
        Result result = provider(SECRET, Duration.ofSeconds(5)).send(sms("1234", "case-received"));

        assertThat(result.outcome()).isEqualTo(Outcome.GIVE_UP);
        assertThat(result.code()).isEqualTo("isv.MOBILE_NUMBER_ILLEGAL");
    }

    @Test
    void a_server_error_without_a_code_leaves_the_outcome_unknown() {
        Result result = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000500", "case-received"));

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.code()).isEqualTo("HTTP_502");
    }

    @Test
    void no_answer_in_time_leaves_the_outcome_unknown() {
        Result result = provider(SECRET, Duration.ofMillis(300)).send(sms("13800000999", "case-received"));

        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.code()).isEqualTo("TIMEOUT");
    }

    @Test
    void the_days_limit_is_told_apart_from_throttling() {
        Result day = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000003", "case-received"));
        Result dayLevel = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000004", "case-received"));

        assertThat(day.outcome()).isEqualTo(Outcome.DAY_LIMIT);
        assertThat(day.code()).isEqualTo("isv.DAY_LIMIT_CONTROL");
        assertThat(dayLevel.outcome()).isEqualTo(Outcome.DAY_LIMIT);
        assertThat(dayLevel.code()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
    }

    @Test
    void the_hours_limit_is_told_apart_from_throttling_and_the_days_limit() {
        Result hour = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000005", "case-received"));

        assertThat(hour.outcome()).isEqualTo(Outcome.HOUR_LIMIT);
        assertThat(hour.code()).isEqualTo("isv.BUSINESS_LIMIT_CONTROL");
        assertThat(AliyunSmsProvider.outcome(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\","
                + "\"Message\":\"Hour-level flow control triggered\"}").outcome()).isEqualTo(Outcome.HOUR_LIMIT);
        assertThat(AliyunSmsProvider.outcome(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\","
                + "\"Message\":\"触发分钟级流控Permits:1\"}").outcome()).isEqualTo(Outcome.RETRY);
    }

    @Test
    void a_failed_tls_handshake_is_retried_as_nothing_was_sent() throws Exception {
        // a server that refuses every TLS handshake: it reads the ClientHello and answers a fatal handshake_failure alert
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread refuser = new Thread(() -> {
                try (var client = socket.accept()) {
                    client.getInputStream().read(new byte[5]);
                    client.getOutputStream().write(new byte[]{0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
                    client.getOutputStream().flush();
                    client.getInputStream().read(new byte[64]); // until the client closes
                } catch (IOException e) {
                    // the client went away: what the test wants
                }
            });
            refuser.start();
            var settings = new AliyunSmsProvider.Settings(URI.create("https://127.0.0.1:" + socket.getLocalPort() + "/"),
                    KEY_ID, SECRET, "cn-hangzhou", Map.of("case-received", "SMS_100001"), Duration.ofSeconds(2),
                    Duration.ofSeconds(5));

            Result result = new AliyunSmsProvider(settings, Clock.systemUTC()).send(sms("13800000000", "case-received"));

            assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
            assertThat(result.code()).isEqualTo("IO_ERROR");
            assertThat(result.detail()).contains("SSLHandshakeException");
            refuser.join(5000);
        }
    }

    @Test
    void a_handshake_failure_wrapped_by_the_client_is_still_retried_but_a_lost_connection_is_not() {
        AliyunSmsProvider provider = provider(SECRET, Duration.ofSeconds(5));

        assertThat(provider.failed(new javax.net.ssl.SSLHandshakeException("PKIX path building failed")).outcome())
                .isEqualTo(Outcome.RETRY);
        assertThat(provider.failed(new IOException("wrapped", new javax.net.ssl.SSLHandshakeException("no cipher")))
                .outcome()).isEqualTo(Outcome.RETRY);
        assertThat(provider.failed(new IOException("connection reset")).outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(provider.failed(new javax.net.ssl.SSLException("bad record MAC")).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void nothing_listening_is_retried_as_nothing_was_sent() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var settings = new AliyunSmsProvider.Settings(URI.create("http://127.0.0.1:" + port + "/"), KEY_ID, SECRET,
                "cn-hangzhou", Map.of("case-received", "SMS_100001"), Duration.ofSeconds(2), Duration.ofSeconds(5));
        Result result = new AliyunSmsProvider(settings, Clock.systemUTC()).send(sms("13800000000", "case-received"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY);
        assertThat(result.code()).isEqualTo("IO_ERROR");
    }

    @Test
    void a_template_without_a_configured_code_is_given_up_without_a_call() {
        Result result = provider(SECRET, Duration.ofSeconds(5)).send(sms("13800000000", "vote-opened"));

        assertThat(result.outcome()).isEqualTo(Outcome.GIVE_UP);
        assertThat(result.detail()).contains("vote-opened").contains("template-codes");
        assertThat(received).isEmpty();
    }

    @Test
    void the_error_table_maps_the_documented_codes() {
        for (String code : List.of("isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.AMOUNT_NOT_ENOUGH",
                "InvalidAccessKeyId.NotFound", "SignatureDoesNotMatch", "isv.MOBILE_NUMBER_ILLEGAL")) {
            assertThat(AliyunSmsProvider.outcome(400, "{\"Code\":\"" + code + "\"}").outcome()).as(code)
                    .isEqualTo(Outcome.GIVE_UP);
        }
        for (String code : List.of("isv.BUSINESS_LIMIT_CONTROL", "Throttling", "Throttling.Api", "ServiceUnavailable",
                "InternalError")) {
            assertThat(AliyunSmsProvider.outcome(200, "{\"Code\":\"" + code + "\"}").outcome()).as(code)
                    .isEqualTo(Outcome.RETRY);
        }
        assertThat(AliyunSmsProvider.outcome(503, "busy").outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(AliyunSmsProvider.outcome(429, "").outcome()).isEqualTo(Outcome.RETRY);
        assertThat(AliyunSmsProvider.outcome(403, "").outcome()).isEqualTo(Outcome.GIVE_UP);
    }

    private AliyunSmsProvider provider(String secret, Duration timeout) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        var settings = new AliyunSmsProvider.Settings(endpoint, KEY_ID, secret, "cn-hangzhou",
                Map.of("case-received", "SMS_100001"), Duration.ofSeconds(2), timeout);
        return new AliyunSmsProvider(settings, Clock.fixed(Instant.parse("2026-12-02T04:05:06.789Z"), ZoneOffset.UTC));
    }

    private static Sms sms(String phone, String template) {
        return new Sms(phone, "联络平台", template, Map.of("trackingCode", "LL-2026-0001", "name", "张 敏*"), "msg-1");
    }

    // --- the server's side: Dysmsapi as documented, written apart from the adapter's signer ---

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        String form = "POST".equals(exchange.getRequestMethod())
                ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : exchange.getRequestURI().getRawQuery();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String given = params.remove("Signature");
        if (given == null || !given.equals(expectedSignature(exchange.getRequestMethod(), params))) {
            reply(exchange, 400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched\"}");
            return;
        }
        received.add(params);
        methods.add(exchange.getRequestMethod());
        switch (params.get("PhoneNumbers")) {
            case "13800000001" -> reply(exchange, 200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控\"}");
            case "13800000002" -> reply(exchange, 400, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}");
            case "13800000003" -> reply(exchange, 200, "{\"Code\":\"isv.DAY_LIMIT_CONTROL\",\"Message\":\"触发日发送限额\"}");
            case "13800000004" -> reply(exchange, 200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发天级流控Permits:10\"}");
            case "13800000005" -> reply(exchange, 200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发小时级流控Permits:5\"}");
            case "1234" -> reply(exchange, 200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}");
            case "13800000500" -> reply(exchange, 502, "<html>bad gateway</html>");
            case "13800000999" -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply(exchange, 200, "{\"Code\":\"OK\"}");
            }
            default -> reply(exchange, 200, "{\"Message\":\"OK\",\"RequestId\":\"r-1\",\"Code\":\"OK\",\"BizId\":\"biz-"
                    + params.get("PhoneNumbers") + "\"}");
        }
    }

    /** StringToSign = METHOD&%2F&enc(sorted enc(k)=enc(v) joined by &), key = secret + "&", HMAC-SHA1, Base64. */
    private static String expectedSignature(String method, Map<String, String> params) {
        List<String> keys = new ArrayList<>(params.keySet());
        keys.sort(null);
        StringBuilder query = new StringBuilder();
        for (String key : keys) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(rfc3986(key)).append('=').append(rfc3986(params.get(key)));
        }
        String toSign = method + "&" + rfc3986("/") + "&" + rfc3986(query.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The documented rule: java.net.URLEncoder, then + → %20, * → %2A, %7E → ~. */
    private static String rfc3986(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
