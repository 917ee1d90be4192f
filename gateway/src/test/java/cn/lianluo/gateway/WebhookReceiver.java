package cn.lianluo.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Another government system's webhook endpoint, as its developers would write it from docs/notifications.md: it
 * checks the signature itself (HMAC-SHA256 of {@code timestamp.body} under the shared secret) and keeps every event
 * it accepted, in the order they came. While {@link #down} is set it answers 503, as a receiver in an outage does.
 */
final class WebhookReceiver implements AutoCloseable {

    /** An event as it arrived: its envelope and whether its signature held. */
    record Received(JsonNode event, boolean signatureValid) {
        String id() {
            return event.path("id").asText();
        }

        String subject() {
            return event.path("subject").asText();
        }

        String type() {
            return event.path("type").asText();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final byte[] secret;
    private final List<Received> received = new ArrayList<>();
    private volatile boolean down;
    private int refused;

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/lianluo", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/lianluo";
    }

    void down(boolean down) {
        this.down = down;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized int refused() {
        return refused;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                synchronized (this) {
                    refused++;
                }
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String timestamp = exchange.getRequestHeaders().getFirst("X-Lianluo-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Lianluo-Signature");
            boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                    ("v1=" + hmac(timestamp + "." + new String(body, StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
            synchronized (this) {
                received.add(new Received(MAPPER.readTree(body), valid));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
