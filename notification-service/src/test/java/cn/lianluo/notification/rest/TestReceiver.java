package cn.lianluo.notification.rest;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A webhook receiver on 127.0.0.1, as another government system would run one: it checks each request's signature
 * itself (HMAC-SHA256 of timestamp "." body, recomputed here), and answers what the test tells it to.
 */
final class TestReceiver implements AutoCloseable {

    /** One request as received: the answer given, whether the signature held, the body. */
    record Received(int answered, boolean signed, String contentType, String body) {
        String eventId() {
            var m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }

        String subject() {
            var m = java.util.regex.Pattern.compile("\"subject\":\"([^\"]+)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntSupplier answer = () -> 200;

    TestReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-Lianluo-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Lianluo-Signature");
            boolean signed = timestamp != null && signature != null && MessageDigest.isEqual(
                    ("v1=" + hmac(timestamp + "." + body)).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
            requests.incrementAndGet();
            int status = answer.getAsInt();
            synchronized (received) {
                received.add(new Received(status, signed, exchange.getRequestHeaders().getFirst("Content-Type"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** What to answer from now on; called once per request. */
    void answer(IntSupplier status) {
        this.answer = status;
    }

    /** Answers 503 to the next {@code n} requests, 200 after. */
    void failFirst(int n) {
        AtomicInteger left = new AtomicInteger(n);
        answer(() -> left.getAndDecrement() > 0 ? 503 : 200);
    }

    List<Received> all() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests it accepted (2xx), in the order they came. */
    List<Received> accepted() {
        return all().stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    List<String> acceptedIds() {
        return accepted().stream().map(Received::eventId).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
