package cn.lianluo.gateway;

import cn.lianluo.common.testing.RealInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Black-box tests of the gateway run against the five real services: their built jars are started here on their own
 * ports, with fresh databases and topics of this run (so they never mix with a running ./suite), the real
 * PostgreSQL and Kafka, and the seeds.
 */
public class ServicesUnderTest implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, Integer> PORTS = new LinkedHashMap<>(Map.of(
            "station-service", 18081, "deputy-service", 18082, "case-service", 18083, "scoring-service", 18084,
            "notification-service", 18085));
    private static final Map<String, String> DATABASES = Map.of(
            "station-service", "station_gw", "deputy-service", "deputy_gw", "case-service", "cases_gw", "scoring-service", "scoring_gw",
            "notification-service", "notification_gw");
    private static final Map<String, Process> RUNNING = new HashMap<>();
    /** The SMTP server notification-service sends its e-mails to (GreenMail, in the tests' JVM). */
    private static GreenMail mail;
    /** The collector every service and the gateway send their traces to (TracesIT). */
    private static OtlpReceiver traces;
    /** The services' logs begun in this run: a service started again (a restart, a second group of tests) appends. */
    private static final Set<String> LOGS_BEGUN = new java.util.HashSet<>();
    private static String topicPrefix;
    /** The PostgreSQL and Kafka of the run: the plain ones of ./suite, or the secure ones (SecureServicesUnderTest). */
    private static TestInfrastructure infrastructure = TestInfrastructure.PLAIN;

    @Override
    public Map<String, String> start() {
        Path root = Path.of("").toAbsolutePath().getParent();
        infrastructure = infrastructure();
        if (!RestAssured.filters().contains(ContractFilter.INSTANCE)) {
            RestAssured.filters(ContractFilter.INSTANCE);
        }
        requireBuilt(root, PORTS.keySet());
        PORTS.keySet().forEach(service -> warnIfStale(root, service));
        topicPrefix = "gw" + System.currentTimeMillis() + ".";
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
        if (traces == null) {
            traces = new OtlpReceiver();
        }
        for (String service : PORTS.keySet()) {
            recreate(DATABASES.get(service));
            start(root, service);
        }
        for (String service : PORTS.keySet()) {
            awaitReady(service, PORTS.get(service));
        }
        Map<String, String> gateway = new HashMap<>(Map.of(
                "lianluo.gateway.station-url", "http://127.0.0.1:" + PORTS.get("station-service"),
                "lianluo.gateway.deputy-url", "http://127.0.0.1:" + PORTS.get("deputy-service"),
                "lianluo.gateway.case-url", "http://127.0.0.1:" + PORTS.get("case-service"),
                "lianluo.gateway.scoring-url", "http://127.0.0.1:" + PORTS.get("scoring-service"),
                "lianluo.gateway.notification-url", "http://127.0.0.1:" + PORTS.get("notification-service")));
        // the gateway traces to the same collector, and logs to a file beside the services' (LogsPrivacyIT reads them)
        gateway.put("lianluo.otlp-endpoint", traces.endpoint());
        gateway.put("quarkus.otel.exporter.otlp.endpoint", traces.endpoint());
        gateway.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        gateway.put("quarkus.otel.bsp.schedule.delay", "200ms");
        gateway.put("quarkus.log.file.enabled", "true");
        gateway.put("quarkus.log.file.path", root.resolve("gateway/target/gateway.log").toString());
        return gateway;
    }

    /** The spans the services and the gateway exported during the run. */
    public static OtlpReceiver traces() {
        return traces;
    }

    /**
     * Where the run's services find PostgreSQL and Kafka, started when they are not running: the plain ones of
     * {@code ./suite infra} here.
     */
    protected TestInfrastructure infrastructure() {
        if (!RealInfrastructure.kafkaReachable() || !RealInfrastructure.reachable(RealInfrastructure.DB_HOST, RealInfrastructure.DB_PORT)) {
            RealInfrastructure.Suite.run("infra");
        }
        return TestInfrastructure.PLAIN;
    }

    /** The e-mails notification-service sent during the run. */
    public static GreenMail mail() {
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start(Path root, String service) {
        start(root, service, service, PORTS.get(service), DATABASES.get(service), topic(service.replace("-service", "")));
    }

    /**
     * A second instance of a service (what a second Kubernetes replica is): the same database, topics and consumer
     * group, its own port. Stop it with {@link #stop(String)} and the name this returns.
     */
    public static String startReplica(String service, int port) {
        String name = service + "@" + port;
        start(Path.of("").toAbsolutePath().getParent(), service, name, port, DATABASES.get(service),
                topic(service.replace("-service", "")));
        awaitReady(name, port);
        return name;
    }

    /** An instance of a service on a database and a topic of its own (nothing of the run's suite sees it); not waited for. */
    public static String startInstance(String service, int port, String database) {
        String name = service + "@" + port;
        start(Path.of("").toAbsolutePath().getParent(), service, name, port, database, topicPrefix + database + ".events");
        return name;
    }

    public static void awaitInstance(String name, int port) {
        awaitReady(name, port);
    }

    /** A fresh, empty database. */
    public static void freshDatabase(String database) {
        recreate(database);
    }

    private static Path jar(Path root, String service) {
        return root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The services run from their built jars. Maven builds them before the gateway (its pom names them), but a run of
     * {@code -pl gateway} alone or from an IDE may find one missing: it fails here naming the command that builds it.
     */
    private static void requireBuilt(Path root, Collection<String> services) {
        List<String> missing = services.stream().filter(s -> !Files.exists(jar(root, s))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(jar(root, missing.get(0)) + " is missing: the gateway's tests start the services"
                    + " from their built jars; build them with ./mvnw -pl " + String.join(",", missing)
                    + " -am package -DskipTests");
        }
    }

    /** A jar older than its service's sources is reported: the tests then run the code of that older build. */
    private static void warnIfStale(Path root, String service) {
        try (Stream<Path> sources = Files.walk(root.resolve(service).resolve("src/main"))) {
            FileTime built = Files.getLastModifiedTime(jar(root, service));
            if (sources.anyMatch(f -> newer(f, built))) {
                System.err.println("ServicesUnderTest: " + jar(root, service) + " is older than its sources; rebuild it"
                        + " with ./mvnw -pl " + service + " -am package -DskipTests to test the current code");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newer(Path file, FileTime than) {
        try {
            return Files.isRegularFile(file) && Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start(Path root, String service, String name, int port, String database, String topic) {
        requireBuilt(root, List.of(service));
        Path jar = jar(root, service);
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", database);
        env.put("DB_HOST", infrastructure.dbHost());
        env.put("DB_PORT", String.valueOf(infrastructure.dbPort()));
        env.put("DB_USER", RealInfrastructure.DB_USER);
        env.put("DB_PASSWORD", RealInfrastructure.DB_PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka());
        // the secure run's TLS and login settings (LIANLUO_KAFKA_*, LIANLUO_DB_SSL*); none in the plain run
        env.putAll(infrastructure.serviceEnvironment().apply(service));
        env.put("JWT_PUBLIC_KEY_LOCATION", root.resolve("deploy/dev-keys/dev-public-key.pem").toString());
        // the tests' own tokens and the local Keycloak realm's, as under ./suite up (KeycloakSignInIT)
        env.put("JWT_ISSUERS", "lianluo," + KeycloakSignInIT.ISSUER);
        env.put("LIANLUO_SEED_DIR", root.resolve("seeds").toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        // deadlines are looked for every 2 s (60 s in production), so two replicas scan often and at once
        env.put("LIANLUO_DEADLINES_SCAN_EVERY", "2s");
        // the case gauges (lianluo_cases) are read every 2 s (60 s in production), so MetricsIT sees a case at once
        env.put("LIANLUO_CASES_GAUGES_EVERY", "2s");
        // every topic, consumer group and dead-letter topic of the run through the one setting a county would use
        // (lianluo.topic-prefix, docs/topology.md); only an instance on a topic of its own names its topic besides
        env.put("LIANLUO_TOPIC_PREFIX", topicPrefix);
        // the tests' webhook receivers listen on http://127.0.0.1 (production allows neither)
        env.put("LIANLUO_NOTIFY_WEBHOOKS_ALLOW_HTTP", "true");
        env.put("LIANLUO_NOTIFY_WEBHOOKS_ALLOW_PRIVATE", "true");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(mail.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        // no quiet hours: the tests run at any hour (QuietHoursIT of notification-service tests them)
        env.put("LIANLUO_NOTIFY_SMS_QUIET_FROM", "00:00");
        env.put("LIANLUO_NOTIFY_SMS_QUIET_UNTIL", "00:00");
        if (!topic.equals(topic(service.replace("-service", "")))) {
            env.put("LIANLUO_EVENTS_TOPIC", topic);
        }
        // traces to the tests' collector, sent every 200 ms (TracesIT); what each consumer and the relay decided about
        // each event, in the log (LogsPrivacyIT reads it for personal data)
        env.put("LIANLUO_OTLP_ENDPOINT", traces.endpoint());
        env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        env.put("QUARKUS_LOG_CATEGORY__CN_LIANLUO_COMMON_INBOX__LEVEL", "DEBUG");
        env.put("QUARKUS_LOG_CATEGORY__CN_LIANLUO_COMMON_OUTBOX__LEVEL", "DEBUG");
        try {
            Path log = root.resolve("gateway/target/" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(LOGS_BEGUN.add(name) ? ProcessBuilder.Redirect.to(log.toFile())
                            : ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            RUNNING.put(name, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + service, e);
        }
    }

    /** Stops a service (the overview's degraded test) and starts it again. */
    public static void stop(String service) {
        end(service, false);
    }

    /** {@code kill -9}: the JVM gets no chance to finish a request, commit an offset or mark an outbox row sent. */
    public static void kill(String service) {
        end(service, true);
    }

    private static void end(String service, boolean forcibly) {
        Process p = RUNNING.remove(service);
        if (p != null) {
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The topic of this run a service publishes to ({@code case} → gw…case.events). */
    public static String topic(String publisher) {
        return topicPrefix + publisher + ".events";
    }

    /** The consumer group a service consumes in during this run. */
    public static String group(String service) {
        return topicPrefix + service;
    }

    /** The dead-letter topic a service's consumer of {@code publisher}'s events uses in this run. */
    public static String deadLetters(String service, String publisher) {
        return topicPrefix + service + "." + publisher + "-events.dlq";
    }

    public static void restart(String service) {
        start(Path.of("").toAbsolutePath().getParent(), service);
        awaitReady(service, PORTS.get(service));
    }

    private static void awaitReady(String service, int port) {
        await().alias(service + " ready on port " + port)
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .failFast(service + " exited while starting; see gateway/target/" + service + ".log", () -> {
                    Process p = RUNNING.get(service);
                    return p == null || !p.isAlive();
                })
                .until(() -> ready(port));
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false; // not yet
        }
    }

    private static void recreate(String database) {
        try (Connection c = infrastructure.connect("postgres"); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + database, e);
        }
    }

    @Override
    public void stop() {
        new ArrayList<>(RUNNING.keySet()).forEach(ServicesUnderTest::stop);
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (traces != null) {
            traces.stop();
            traces = null;
        }
        try (Admin admin = Admin.create(infrastructure.kafkaAdmin())) {
            Set<String> mine = admin.listTopics().names().get().stream().filter(t -> t.startsWith(topicPrefix))
                    .collect(Collectors.toSet());
            admin.deleteTopics(mine).all().get();
        } catch (Exception e) {
            // topics of this run are left behind; they are named gw<time>.*
        }
        infrastructure = TestInfrastructure.PLAIN;
    }

    /** The PostgreSQL and Kafka the run's services use (the secure test asks the secure ones what they see). */
    public static TestInfrastructure currentInfrastructure() {
        return infrastructure;
    }
}
