package cn.lianluo.cases.files.persistence;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An S3 endpoint for tests, on the loopback: PUT, GET and DELETE of an object of one bucket (path-style
 * {@code /bucket/key}), kept in memory, each request's Signature Version 4 checked by {@link SigV4Verifier} first and
 * refused as S3 refuses it (403 SignatureDoesNotMatch, with S3's XML error body).
 */
public final class FakeS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "LIANLUOTESTACCESSKEY";
    public static final String SECRET_KEY = "test-secret/not+a-real+one/0123456789abcd";
    public static final String REGION = "cn-test-1";

    /** A stored object: its bytes and the type it was put with. */
    public record StoredObject(byte[] content, String contentType) {
    }

    /** What the server answered to each request: method, path, status, and the error code of a refusal. */
    public record Exchange(String method, String path, int status, String error) {
    }

    private final String bucket;
    private final SigV4Verifier verifier;
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private int port;
    private HttpServer server;

    public FakeS3(String bucket) {
        this.bucket = bucket;
        this.verifier = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), REGION, Instant::now);
    }

    /** Starts on the given port (0: any free one) of 127.0.0.1; again on the same port after {@link #stop()}. */
    public FakeS3 start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.createContext("/", this::handle);
        server.start();
        this.port = server.getAddress().getPort();
        return this;
    }

    /** The store out of reach: connections are refused until {@link #start(int)} with {@link #port()}. */
    public void stop() {
        server.stop(0);
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Map<String, StoredObject> objects() {
        return objects;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalError", String.valueOf(e));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            var request = new SigV4Verifier.Request(exchange.getRequestMethod(), rawPath,
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            Optional<SigV4Verifier.Refusal> refusal = verifier.check(request);
            if (refusal.isPresent()) {
                error(exchange, refusal.get().status(), refusal.get().code(), refusal.get().message());
                return;
            }
            String prefix = "/" + bucket + "/";
            if (!rawPath.startsWith(prefix) || rawPath.length() == prefix.length()) {
                error(exchange, 404, "NoSuchBucket", "this store has the bucket " + bucket + " only, path-style");
                return;
            }
            String key = URI.create(rawPath).getPath().substring(prefix.length());
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
                            .orElse("binary/octet-stream");
                    objects.put(key, new StoredObject(body, type));
                    exchange.getResponseHeaders().add("ETag", etag(body));
                    answer(exchange, 200, null, new byte[0]);
                }
                case "GET" -> {
                    StoredObject object = objects.get(key);
                    if (object == null) {
                        error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                        return;
                    }
                    exchange.getResponseHeaders().add("ETag", etag(object.content()));
                    answer(exchange, 200, object.contentType(), object.content());
                }
                case "DELETE" -> {
                    objects.remove(key);
                    answer(exchange, 204, null, null);
                }
                default -> error(exchange, 405, "MethodNotAllowed", "PUT, GET and DELETE of an object only");
            }
        }
    }

    private void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), status, null));
        exchange.getResponseHeaders().add("x-amz-request-id", UUID.randomUUID().toString());
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body == null ? -1 : body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        exchanges.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), status, code));
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message><RequestId>" + UUID.randomUUID()
                + "</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, "HEAD".equals(exchange.getRequestMethod()) ? -1 : xml.length);
        if (!"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseBody().write(xml);
        }
    }

    private static String etag(byte[] content) {
        try {
            return "\"" + SigV4Verifier.hex(MessageDigest.getInstance("MD5").digest(content)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
