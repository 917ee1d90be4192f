import cn.lianluo.common.testing.DevTokens;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * The load harness of ./suite bench. Latencies go to HdrHistograms; an open-model run (a fixed rate) measures each
 * request from the moment it was due, not from when it was sent, so a stall counts for every request it delays
 * (no coordinated omission). Every run is bounded in time.
 *
 * <pre>
 * java -cp CP bench/Bench.java closed LABEL CONCURRENCY SECONDS METHOD URL [BODY_FILE]   back-to-back, C at a time
 * java -cp CP bench/Bench.java open   LABEL RATE SECONDS METHOD URL [BODY_FILE]          RATE requests a second
 * java -cp CP bench/Bench.java lag    GATEWAY RATE SECONDS DEPUTIES_FILE JDBC_BASE        case command → ledger entry
 * java -cp CP bench/Bench.java median NUMBER…                        the median, two decimals
 * java -cp CP bench/Bench.java share  RESULT_LINE REFERENCE          a closed run's req/s as a percentage of REFERENCE
 * java -cp CP bench/Bench.java p50-ratio DIRECT VIA [DIRECT VIA]…    median p50 of the VIA lines / of the DIRECT lines
 * java -cp CP bench/Bench.java rate-share DIRECT VIA [DIRECT VIA]…   median req/s of the VIA lines as a percentage of the DIRECT
 * </pre>
 * Environment: BENCH_TOKEN (a bearer token for every request), BENCH_VARY_CLIENT=1 (a different X-Forwarded-For per
 * request, past the gateway's per-address limit on public paths), BENCH_PRIVATE_KEY (lag: the dev key to sign tokens).
 */
public class Bench {

    // HTTP/1.1 as the browsers speak it over plain http and as the gateway speaks to the services: the client's default
    // upgraded each connection to h2c, so the services were measured on another protocol straight than via the gateway
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newFixedThreadPool(4)).build();
    static final AtomicLong CLIENT = new AtomicLong();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "closed" -> closed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5], body(args, 6));
            case "open" -> open(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], args[5], body(args, 6));
            case "lag" -> lag(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]), args[5]);
            case "median" -> System.out.printf(Locale.ROOT, "%.2f%n", median(List.of(args).subList(1, args.length).stream()
                    .map(Double::valueOf).toList()));
            case "share" -> System.out.printf(Locale.ROOT, "%.1f %%%n", 100 * figure(args[1], "req/s", -1) / Double.parseDouble(args[2]));
            case "p50-ratio" -> System.out.printf(Locale.ROOT, "%.2f%n", pairRatio(List.of(args).subList(1, args.length), "p50", 1));
            case "rate-share" -> System.out.printf(Locale.ROOT, "%.1f %%%n",
                    100 * pairRatio(List.of(args).subList(1, args.length), "req/s", -1));
            default -> throw new IllegalArgumentException("closed, open, lag, median, share, p50-ratio or rate-share");
        }
        System.exit(0);
    }

    /** The median of the values (the mean of the middle two when there is an even number). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values for a median");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The number next to a word of a result line: {@code offset} -1 the one before it (123.4 req/s), 1 after (p50 2.31). */
    static double figure(String line, String word, int offset) {
        String[] words = line.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals(word) && i + offset >= 0 && i + offset < words.length) {
                return Double.parseDouble(words[i + offset]);
            }
        }
        throw new IllegalArgumentException("no figure for " + word + " in: " + line);
    }

    /**
     * Result lines in pairs (direct, via): the median of a figure via the gateway over its median straight at the service
     * (the p50s, or the req/s).
     */
    static double pairRatio(List<String> lines, String word, int offset) {
        if (lines.isEmpty() || lines.size() % 2 != 0) {
            throw new IllegalArgumentException("the ratios take result lines in pairs: direct, via");
        }
        List<Double> direct = new ArrayList<>();
        List<Double> via = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            (i % 2 == 0 ? direct : via).add(figure(lines.get(i), word, offset));
        }
        return median(via) / median(direct);
    }

    static String body(String[] args, int i) throws Exception {
        return args.length > i ? Files.readString(Path.of(args[i])) : null;
    }

    static HttpRequest request(String method, String url, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        String t = token != null ? token : System.getenv("BENCH_TOKEN");
        if (t != null && !t.isBlank()) {
            b.header("Authorization", "Bearer " + t);
        }
        if ("1".equals(System.getenv("BENCH_VARY_CLIENT"))) {
            long n = CLIENT.incrementAndGet();
            b.header("X-Forwarded-For", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            // a unique phone per request: the per-phone limit of public paths, and a realistic spread
            String filled = body.replace("{n}", String.format("%08d", CLIENT.incrementAndGet() % 100_000_000));
            b.method(method, HttpRequest.BodyPublishers.ofString(filled, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    /** C workers, each sending its next request when the last answered, for the duration. */
    static void closed(String label, int concurrency, int seconds, String method, String url, String body) throws Exception {
        Histogram h = new Histogram(60_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> r = HTTP.send(request(method, url, body, null), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    synchronized (h) {
                        h.recordValue(System.nanoTime() - start);
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        print(label, h, errors.get(), seconds);
    }

    /** RATE requests a second, each timed from when it was due. */
    static void open(String label, int rate, int seconds, String method, String url, String body) throws Exception {
        Histogram h = new Histogram(60_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> all = schedule(rate, seconds, i -> {
            long due = System.nanoTime();
            return HTTP.sendAsync(request(method, url, body, null), HttpResponse.BodyHandlers.discarding())
                    .handle((r, e) -> {
                        if (e != null || r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                        synchronized (h) {
                            h.recordValue(System.nanoTime() - due);
                        }
                        return null;
                    });
        });
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(seconds + 30L, TimeUnit.SECONDS);
        print(label, h, errors.get(), seconds);
    }

    /** Fires {@code send(i)} at t0 + i/rate; the due time is when the scheduler runs it (a late tick is measured as late). */
    static List<CompletableFuture<?>> schedule(int rate, int seconds, IntFunction<CompletableFuture<?>> send) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<?>> all = new ArrayList<>();
        long period = 1_000_000_000L / rate;
        int total = rate * seconds;
        CompletableFuture<Void> done = new CompletableFuture<>();
        long t0 = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        timer.scheduleAtFixedRate(() -> {
            // catch up: every request whose time has come goes now, timed from its own due time
            long due;
            while ((due = t0 + sent.get() * period) <= System.nanoTime() && sent.get() < total) {
                int i = (int) sent.getAndIncrement();
                synchronized (all) {
                    all.add(send.apply(i));
                }
            }
            if (sent.get() >= total) {
                done.complete(null);
            }
        }, 0, Math.max(1, period / 1000), TimeUnit.MICROSECONDS);
        done.get(seconds + 10L, TimeUnit.SECONDS);
        timer.shutdownNow();
        synchronized (all) {
            return new ArrayList<>(all);
        }
    }

    static void print(String label, Histogram h, long errors, int seconds) {
        System.out.printf("%-34s %8d req %6d err %9.1f req/s  p50 %8.2f  p95 %8.2f  p99 %8.2f  max %8.2f ms%n", label,
                h.getTotalCount(), errors, h.getTotalCount() / (double) seconds, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /**
     * Event-to-points lag: deputies receive cases through the gateway at RATE a second; for each 201 the time is kept;
     * afterwards the case's received event (case-service's outbox) and the ledger entry naming it (scoring-service) are
     * looked up, and lag = the entry's time − the 201's time. DEPUTIES_FILE: lines "deputyId,regionCode".
     */
    static void lag(String gateway, int rate, int seconds, Path deputiesFile, String jdbcBase) throws Exception {
        List<String[]> deputies = Files.readAllLines(deputiesFile).stream().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        PrivateKey key = DevTokens.privateKey(Path.of(System.getenv("BENCH_PRIVATE_KEY")));
        Map<String, String> tokens = new HashMap<>();
        for (String[] d : deputies) {
            tokens.put(d[0], DevTokens.mint(key, "lianluo", new DevTokens.Claims("DEPUTY", d[1], "bench-" + d[0], d[0], null, 3600)));
        }
        Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> all = schedule(rate, seconds, i -> {
            String[] d = deputies.get(i % deputies.size());
            String body = "{\"title\":\"事件到积分延迟测试\",\"content\":\"bench\",\"category\":\"PROPERTY\",\"kind\":\"HELP\","
                    + "\"regionCode\":\"" + d[1] + "\",\"channel\":\"RECEPTION\",\"citizen\":{\"name\":\"群众\",\"phone\":\"13700000000\"}}";
            return HTTP.sendAsync(request("POST", gateway + "/api/v1/cases", body, tokens.get(d[0])), HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        if (e == null && r.statusCode() == 201) {
                            String json = r.body();
                            int at = json.indexOf("\"id\":\"") + 6;
                            acknowledged.put(UUID.fromString(json.substring(at, at + 36)), System.currentTimeMillis());
                        } else {
                            errors.incrementAndGet();
                        }
                        return null;
                    });
        });
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(seconds + 30L, TimeUnit.SECONDS);
        Histogram h = new Histogram(600_000L, 3); // milliseconds
        long deadline = System.currentTimeMillis() + 60_000;
        Map<UUID, Long> pointed = new HashMap<>();
        String user = System.getenv().getOrDefault("DB_USER", "lianluo");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "lianluo");
        try (Connection cases = DriverManager.getConnection(jdbcBase + "cases", user, password);
             Connection scoring = DriverManager.getConnection(jdbcBase + "scoring", user, password)) {
            Map<UUID, UUID> eventOf = new HashMap<>();
            while (System.currentTimeMillis() < deadline && pointed.size() < acknowledged.size()) {
                try (PreparedStatement s = cases.prepareStatement("SELECT aggregate_id, id FROM outbox WHERE type = "
                        + "'lianluo.case.received.v1' AND aggregate_id = ANY (?)")) {
                    s.setArray(1, cases.createArrayOf("text", acknowledged.keySet().stream().map(UUID::toString).toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            eventOf.put(UUID.fromString(r.getString(1)), UUID.fromString(r.getString(2)));
                        }
                    }
                }
                try (PreparedStatement s = scoring.prepareStatement("SELECT source_event_id, at FROM ledger_entry WHERE "
                        + "fact_type = 'CASE_RECEIVED' AND source_event_id = ANY (?)")) {
                    s.setArray(1, scoring.createArrayOf("uuid", eventOf.values().toArray()));
                    Map<UUID, Long> entryAt = new HashMap<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            entryAt.put((UUID) r.getObject(1), r.getTimestamp(2).getTime());
                        }
                    }
                    eventOf.forEach((caseId, event) -> {
                        if (entryAt.containsKey(event)) {
                            pointed.put(caseId, entryAt.get(event));
                        }
                    });
                }
                Thread.sleep(1000);
            }
        }
        pointed.forEach((caseId, at) -> h.recordValue(Math.max(0, at - acknowledged.get(caseId))));
        System.out.printf("%-34s %8d cases %6d err  %d with points  lag p50 %6d  p95 %6d  p99 %6d  max %6d ms%n",
                "event-to-points at " + rate + "/s", acknowledged.size(), errors.get(), pointed.size(),
                h.getValueAtPercentile(50), h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue());
    }
}
