package cn.lianluo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.lianluo.deploy.ManifestsTest.PORTS;
import static cn.lianluo.deploy.ManifestsTest.SERVICES;
import static cn.lianluo.deploy.ManifestsTest.all;
import static cn.lianluo.deploy.ManifestsTest.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring Component (deploy/k8s/monitoring, docs/operations.md): the example overlay renders a ServiceMonitor per
 * service on a port its Service has, the alerts as a PrometheusRule identical to the plain rules file, and the Grafana
 * dashboard as a ConfigMap the sidecar loads; promtool accepts the rules and their unit tests pass; and every metric the
 * rules and the dashboard ask for is one the services publish.
 */
class MonitoringTest {

    static final Path MONITORING = ManifestsTest.K8S.resolve("monitoring");
    static final Path RULES = MONITORING.resolve("prometheus/lianluo.rules.yml");
    static final Path DASHBOARD = MONITORING.resolve("dashboards/lianluo.json");
    static final Path OPERATIONS = DocsLinksTest.ROOT.resolve("docs/operations.md");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /** What the services publish at /q/metrics (Micrometer's Prometheus names), and the standard series used beside them. */
    static final Set<String> PUBLISHED = Set.of("lianluo_outbox_pending", "lianluo_outbox_oldest_age_seconds",
            "lianluo_events_published_total", "lianluo_events_consumed_total", "lianluo_events_dead_lettered_total",
            "lianluo_consumer_lag_records", "lianluo_deadline_scan_last_run_timestamp_seconds", "lianluo_deadline_scan_fired_total",
            "lianluo_cases", "lianluo_cases_overdue", "lianluo_calendar_next_year_loaded", "lianluo_rate_limit_refusals_total",
            "lianluo_webhook_deliveries_total", "lianluo_sms_deliveries_total", "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            // Prometheus's own: 1 when a scrape succeeded
            "up");
    /** Micrometer's JVM and Kafka client binders: any of their series. */
    static final List<String> STANDARD_PREFIXES = List.of("jvm_", "kafka_");

    static boolean published(String metric) {
        return PUBLISHED.contains(metric) || STANDARD_PREFIXES.stream().anyMatch(metric::startsWith);
    }

    static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring",
            "group_left", "group_right", "inf", "nan");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*(?![A-Za-z0-9_:(]|\\s*\\()");

    /**
     * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping labels,
     * dashboard variables, function names and keywords are taken out.
     */
    static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\boffset\\s+[0-9a-z]+", " ")
                .replaceAll("\\$\\{?\\w+}?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            boolean partOfNumber = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!partOfNumber && !KEYWORDS.contains(m.group().toLowerCase())) {
                names.add(m.group());
            }
        }
        return names;
    }

    @Test
    void metric_names_are_read_out_of_promql_and_nothing_else() {
        assertThat(metricNames("sum by (job, le) (rate(foo_bucket{status=~\"5..\",namespace=~\"$namespace\"}[$__rate_interval]))"
                + " / on () bar > 0.02 and time() - max(baz offset 15m) >= 1e3 unless up == bool 0"))
                .containsExactly("bar", "baz", "foo_bucket", "up");
        assertThat(published("lianluo_outbox_pending")).isTrue();
        assertThat(published("jvm_memory_used_bytes")).isTrue();
        assertThat(published("lianluo_outbox_size")).as("a name no service publishes").isFalse();
    }

    static Map<?, ?> spec(GenericKubernetesResource r) {
        return (Map<?, ?>) r.getAdditionalProperties().get("spec");
    }

    static List<GenericKubernetesResource> ofKind(List<HasMetadata> objects, String kind) {
        return all(objects, GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    /** The base stays free of the Prometheus Operator's kinds: a cluster without its CRDs must still apply it. */
    @Test
    void the_base_renders_no_monitoring_and_the_example_overlay_a_service_monitor_per_service_on_a_port_its_service_has() {
        List<HasMetadata> base = render("base");
        assertThat(ofKind(base, "ServiceMonitor")).isEmpty();
        assertThat(ofKind(base, "PrometheusRule")).isEmpty();
        assertThat(all(base, ConfigMap.class)).noneMatch(m -> m.getMetadata().getName().startsWith("lianluo-grafana"));

        List<HasMetadata> objects = render("overlays/example-county");
        List<GenericKubernetesResource> monitors = ofKind(objects, "ServiceMonitor");
        assertThat(monitors).extracting(m -> m.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (GenericKubernetesResource monitor : monitors) {
            String name = monitor.getMetadata().getName();
            assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(monitor.getMetadata().getNamespace()).isEqualTo("lianluo-433124");
            Service service = all(objects, Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no Service " + name));
            Map<?, ?> selected = (Map<?, ?>) ((Map<?, ?>) spec(monitor).get("selector")).get("matchLabels");
            assertThat(selected.get("app.kubernetes.io/name")).as(name + " selects its Service").isEqualTo(name);
            selected.forEach((k, v) -> assertThat(service.getMetadata().getLabels()).as(name).containsEntry((String) k, (String) v));
            List<?> endpoints = (List<?>) spec(monitor).get("endpoints");
            assertThat(endpoints).as(name).hasSize(1);
            Map<?, ?> endpoint = (Map<?, ?>) endpoints.get(0);
            assertThat(endpoint.get("path")).as(name).isEqualTo("/q/metrics");
            String port = (String) endpoint.get("port");
            ServicePort servicePort = service.getSpec().getPorts().stream().filter(p -> p.getName().equals(port)).findFirst()
                    .orElseThrow(() -> new AssertionError("Service " + name + " has no port " + port));
            // the gateway's metrics are on Quarkus's management port, never on 8080, which the Ingress serves
            int expected = name.equals("gateway") ? 9000 : PORTS.get(name);
            assertThat(servicePort.getPort()).as(name).isEqualTo(expected);
            List<ContainerPort> containerPorts = ManifestsTest.container(objects, name).getPorts();
            assertThat(containerPorts).as(name).anyMatch(p -> p.getName().equals(servicePort.getTargetPort().getStrVal())
                    && p.getContainerPort() == expected);
        }
    }

    /** Prometheus's pods (and only they) reach the metrics: the base's default deny would drop every scrape. */
    @Test
    void prometheus_alone_may_reach_the_metrics_ports() {
        NetworkPolicy policy = ManifestsTest.policy(render("overlays/example-county"), "lianluo-metrics-from-prometheus");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/part-of", "lianluo");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(MonitoringTest::isPrometheusPods);
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal())
                    .containsExactlyInAnyOrder(8081, 8082, 8083, 8084, 8085, 9000);
        });
    }

    static void isPrometheusPods(NetworkPolicyPeer peer) {
        assertThat(peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "monitoring");
        assertThat(peer.getPodSelector()).as("the Prometheus pods, not the whole namespace").isNotNull();
        assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "prometheus");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules(Object groups) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<?>) groups) {
            rules.addAll((List<Map<String, Object>>) ((Map<?, ?>) group).get("rules"));
        }
        return rules;
    }

    @Test
    void the_prometheus_rule_carries_the_rules_file_as_it_is() throws IOException {
        List<GenericKubernetesResource> rules = ofKind(render("overlays/example-county"), "PrometheusRule");
        assertThat(rules).singleElement().satisfies(r -> assertThat(r.getApiVersion()).isEqualTo("monitoring.coreos.com/v1"));
        Map<?, ?> file = YAML.readValue(RULES.toFile(), LinkedHashMap.class);
        assertThat(List.copyOf(file.keySet())).isEqualTo(List.of("groups"));
        JsonNode rendered = YAML.valueToTree(spec(rules.get(0)).get("groups"));
        JsonNode plain = YAML.valueToTree(file.get("groups"));
        assertThat(rendered).as("spec.groups of monitoring/prometheusrule.yaml and the groups of prometheus/lianluo.rules.yml")
                .isEqualTo(plain);
    }

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    @Test
    void every_alert_has_a_severity_says_it_in_chinese_and_english_and_points_at_its_section_of_operations_md() throws IOException {
        List<Map<String, Object>> rules = rules(YAML.readValue(RULES.toFile(), LinkedHashMap.class).get("groups"));
        assertThat(rules).extracting(r -> r.get("alert")).contains("LianluoOutboxBacklog", "LianluoConsumerLag",
                "LianluoDeadLetters", "LianluoDeadlineScanStopped", "LianluoCalendarNextYearMissing", "LianluoHttp5xx");
        Set<String> anchors = DocsLinksTest.anchors(OPERATIONS);
        String operations = Files.readString(OPERATIONS);
        for (Map<String, Object> rule : rules) {
            String alert = (String) rule.get("alert");
            assertThat(alert).as("a recording rule in the alerts' file").isNotNull();
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as(alert).isIn("critical", "warning");
            Map<?, ?> annotations = (Map<?, ?>) rule.get("annotations");
            for (String key : List.of("summary", "description")) {
                assertThat(CJK.matcher((String) annotations.get(key)).find()).as(alert + " " + key + " in Chinese").isTrue();
                String english = (String) annotations.get(key + "_en");
                assertThat(english).as(alert + " " + key + "_en").isNotBlank();
                assertThat(CJK.matcher(english).find()).as(alert + " " + key + "_en in English").isFalse();
            }
            String runbook = (String) annotations.get("runbook_url");
            assertThat(runbook).as(alert).startsWith("docs/operations.md#");
            assertThat(anchors).as(alert + " " + runbook).contains(runbook.substring(runbook.indexOf('#') + 1));
            // operations.md names the alert as county staff see it: its Chinese summary, without the service
            String chineseName = ((String) annotations.get("summary")).replaceAll("：.*$", "");
            assertThat(operations).as(alert).contains(alert).contains(chineseName);
        }
    }

    /** The promtool of Debian's prometheus package, installed (as ./suite installs its packages) when missing. */
    static String promtool() throws IOException, InterruptedException {
        if (run(Path.of("."), "sh", "-c", "command -v promtool").exit == 0) {
            return "promtool";
        }
        boolean root = run(Path.of("."), "id", "-u").out.strip().equals("0");
        if (root && run(Path.of("."), "sh", "-c", "command -v apt-get").exit == 0) {
            String install = "DEBIAN_FRONTEND=noninteractive apt-get install -y -q prometheus || "
                    + "{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q prometheus; }";
            Result r = run(Path.of("."), "sh", "-c", install);
            assertThat(r.exit).as("apt-get install prometheus (for promtool): " + r.out).isZero();
            return "promtool";
        }
        throw new AssertionError("promtool is needed to check the alerting rules: install Debian's prometheus package "
                + "(apt-get install prometheus) or put Prometheus's promtool on the PATH");
    }

    record Result(int exit, String out) {
    }

    static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    @Test
    void promtool_accepts_the_rules_and_their_unit_tests_pass() throws IOException, InterruptedException {
        String promtool = promtool();
        Path dir = RULES.getParent();
        Result check = run(dir, promtool, "check", "rules", RULES.getFileName().toString());
        assertThat(check.exit).as(check.out).isZero();
        assertThat(check.out).contains("SUCCESS");
        Result test = run(dir, promtool, "test", "rules", "lianluo.rules.test.yml", "lianluo.rules.calendar.test.yml");
        assertThat(test.exit).as(test.out).isZero();
        assertThat(test.out).doesNotContain("FAILED");
        assertThat(Pattern.compile("SUCCESS").matcher(test.out).results().count()).as(test.out).isEqualTo(2);
    }

    /** Grafana would only say "parse error" in the panel: promtool parses every query, as recording rules of a file. */
    @Test
    void every_dashboard_query_is_promql_promtool_parses(@TempDir Path dir) throws IOException, InterruptedException {
        String promtool = promtool();
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode panel : panels(JSON.readTree(DASHBOARD.toFile()))) {
            for (JsonNode target : panel.path("targets")) {
                // Grafana's variables, as Grafana fills them in
                String expr = target.path("expr").asText().replace("$__rate_interval", "1m").replace("$namespace", ".*");
                records.add(Map.of("record", "dashboard:panel_" + panel.path("id").asInt() + "_" + target.path("refId").asText(),
                        "expr", expr));
            }
        }
        assertThat(records).isNotEmpty();
        Path file = dir.resolve("dashboard.rules.yml");
        YAML.writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", records))));
        Result check = run(dir, promtool, "check", "rules", file.getFileName().toString());
        assertThat(check.exit).as(check.out).isZero();
        assertThat(check.out).contains("SUCCESS: " + records.size() + " rules found");
    }

    @Test
    void the_rules_ask_only_for_metrics_the_services_publish() throws IOException {
        for (Map<String, Object> rule : rules(YAML.readValue(RULES.toFile(), LinkedHashMap.class).get("groups"))) {
            Set<String> names = metricNames((String) rule.get("expr"));
            assertThat(names).as(rule.get("alert") + " reads a metric").isNotEmpty();
            assertThat(names).as(rule.get("alert") + ": metrics no service publishes").allMatch(MonitoringTest::published);
        }
    }

    static List<JsonNode> panels(JsonNode container) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : container.path("panels")) {
            panels.add(panel);
            panels.addAll(panels(panel));
        }
        return panels;
    }

    @Test
    void every_dashboard_panel_queries_only_metrics_the_services_publish() throws IOException {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("lianluo");
        List<JsonNode> panels = panels(dashboard).stream().filter(p -> !p.path("type").asText().equals("row")).toList();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(15);
        assertThat(panels.stream().map(p -> p.path("id").asInt()).distinct().count()).as("panel ids are unique").isEqualTo(panels.size());
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertThat(CJK.matcher(title).find()).as(title + ": a Chinese title").isTrue();
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                Set<String> names = metricNames(target.path("expr").asText());
                assertThat(names).as(title + " reads a metric").isNotEmpty();
                assertThat(names).as(title + ": metrics no service publishes").allMatch(MonitoringTest::published);
                queried.addAll(names);
            }
        }
        // the three parts the dashboard is for: the event pipeline, HTTP, and the 五环五时 figures
        assertThat(queried).contains("lianluo_events_published_total", "lianluo_events_consumed_total", "lianluo_outbox_pending",
                "lianluo_outbox_oldest_age_seconds", "lianluo_consumer_lag_records", "lianluo_events_dead_lettered_total",
                "http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "lianluo_cases",
                "lianluo_cases_overdue", "lianluo_deadline_scan_last_run_timestamp_seconds", "lianluo_deadline_scan_fired_total");
    }

    @Test
    void the_dashboard_ships_as_a_config_map_the_grafana_sidecar_loads() throws IOException {
        ConfigMap map = all(render("overlays/example-county"), ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().equals("lianluo-grafana-dashboard")).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap lianluo-grafana-dashboard"));
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(map.getData()).containsOnlyKeys("lianluo.json");
        assertThat(JSON.readTree(map.getData().get("lianluo.json"))).isEqualTo(JSON.readTree(DASHBOARD.toFile()));
    }
}
