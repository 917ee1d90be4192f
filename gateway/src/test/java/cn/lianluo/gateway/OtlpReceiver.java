package cn.lianluo.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * What an OpenTelemetry collector is to the services in the tests: an OTLP/HTTP receiver of traces
 * ({@code POST /v1/traces}, an {@code ExportTraceServiceRequest} in protobuf) that keeps every span it is sent. It reads
 * the few fields the tests ask about straight from the protobuf wire format (opentelemetry-proto's
 * {@code trace/v1/trace.proto} field numbers), so the tests need no generated classes.
 */
public final class OtlpReceiver {

    /** A span as received: the service that sent it ({@code service.name}), its ids in hex, name and kind. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        public static final int SERVER = 2;
        public static final int CLIENT = 3;
        public static final int PRODUCER = 4;
        public static final int CONSUMER = 5;
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    public OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::export);
        server.start();
    }

    /** The endpoint to name in {@code LIANLUO_OTLP_ENDPOINT} (with the http/protobuf protocol). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every span received so far. */
    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The spans received so far of one trace. */
    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    public void stop() {
        server.stop(0);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            int status = 200;
            if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                spans.addAll(parse(body));
            } else {
                status = 404;
            }
            // an empty ExportTraceServiceResponse: every span accepted
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** The spans of an {@code ExportTraceServiceRequest}: resource_spans = 1. */
    static List<ReceivedSpan> parse(byte[] request) {
        List<ReceivedSpan> found = new ArrayList<>();
        Wire wire = new Wire(request);
        while (wire.more()) {
            int field = wire.tag();
            if (field == 1) {
                resourceSpans(wire.message(), found);
            } else {
                wire.skip();
            }
        }
        return found;
    }

    /** ResourceSpans: resource = 1 (attributes = 1), scope_spans = 2 (spans = 2). */
    private static void resourceSpans(Wire wire, List<ReceivedSpan> found) {
        String service = "";
        List<Wire> scopes = new ArrayList<>();
        while (wire.more()) {
            int field = wire.tag();
            if (field == 1) {
                Wire resource = wire.message();
                while (resource.more()) {
                    if (resource.tag() == 1) {
                        String[] attribute = keyValue(resource.message());
                        if ("service.name".equals(attribute[0])) {
                            service = attribute[1];
                        }
                    } else {
                        resource.skip();
                    }
                }
            } else if (field == 2) {
                scopes.add(wire.message());
            } else {
                wire.skip();
            }
        }
        for (Wire scope : scopes) {
            while (scope.more()) {
                if (scope.tag() == 2) {
                    found.add(span(service, scope.message()));
                } else {
                    scope.skip();
                }
            }
        }
    }

    /** KeyValue: key = 1, value = 2 (AnyValue: string_value = 1). */
    private static String[] keyValue(Wire wire) {
        String[] kv = {"", ""};
        while (wire.more()) {
            int field = wire.tag();
            if (field == 1) {
                kv[0] = wire.string();
            } else if (field == 2) {
                Wire value = wire.message();
                while (value.more()) {
                    if (value.tag() == 1) {
                        kv[1] = value.string();
                    } else {
                        value.skip();
                    }
                }
            } else {
                wire.skip();
            }
        }
        return kv;
    }

    /** Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6. */
    private static ReceivedSpan span(String service, Wire wire) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (wire.more()) {
            switch (wire.tag()) {
                case 1 -> traceId = HexFormat.of().formatHex(wire.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(wire.bytes());
                case 4 -> parent = HexFormat.of().formatHex(wire.bytes());
                case 5 -> name = wire.string();
                case 6 -> kind = (int) wire.varint();
                default -> wire.skip();
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** A protobuf message being read: a tag, then its value by the tag's wire type. */
    private static final class Wire {
        private final byte[] bytes;
        private int at;
        private final int end;
        private int wireType;

        Wire(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        Wire(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.at = from;
            this.end = end;
        }

        boolean more() {
            return at < end;
        }

        int tag() {
            long tag = varint();
            wireType = (int) (tag & 7);
            return (int) (tag >>> 3);
        }

        long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        byte[] bytes() {
            int length = (int) varint();
            byte[] value = java.util.Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            return value;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Wire message() {
            int length = (int) varint();
            Wire inner = new Wire(bytes, at, at + length);
            at += length;
            return inner;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> {
                    int length = (int) varint(); // read before at is: at += varint() would add to the old at
                    at += length;
                }
                case 5 -> at += 4;
                default -> throw new IllegalStateException("wire type " + wireType + " is not read here");
            }
        }
    }
}
