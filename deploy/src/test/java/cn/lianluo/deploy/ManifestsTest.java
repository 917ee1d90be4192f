package cn.lianluo.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests county IT applies, rendered as they will apply them ({@code kubectl kustomize}, offline) and
 * loaded into fabric8's typed model: what a cluster would only tell at deploy time is checked here.
 */
class ManifestsTest {

    static final Path K8S = Path.of("k8s");
    static final List<String> SERVICES = List.of("gateway", "station-service", "deputy-service", "case-service", "scoring-service",
            "notification-service");
    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "station-service", 8081, "deputy-service", 8082,
            "case-service", 8083, "scoring-service", 8084, "notification-service", 8085);

    /** {@code kubectl kustomize DIR}: the objects the directory renders to. */
    static List<HasMetadata> render(String dir) {
        try {
            Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(dir).toString()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("kubectl kustomize " + dir + ": " + err).isZero();
            return load(out);
        } catch (IOException e) {
            throw new AssertionError("kubectl (with its built-in kustomize) is needed to render deploy/k8s: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<HasMetadata> load(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            if (!doc.isBlank() && doc.contains("kind:")) {
                objects.add(Serialization.unmarshal(doc));
            }
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The tag ./suite images gives the images (the root pom's image.tag). */
    static String imageTag() throws IOException {
        Matcher m = Pattern.compile("<image.tag>([^<]+)</image.tag>").matcher(Files.readString(Path.of("../pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example-county"})
    void every_deployment_is_probed_sized_non_root_and_read_only(String dir) {
        List<Deployment> deployments = all(render(dir), Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(d.getSpec().getStrategy().getType()).as(name).isEqualTo("RollingUpdate");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(pod.getContainers()).as(name).hasSize(1);
            Container c = pod.getContainers().get(0);
            assertProbe(name, c.getStartupProbe(), "/q/health/started");
            assertProbe(name, c.getReadinessProbe(), "/q/health/ready");
            assertProbe(name, c.getLivenessProbe(), "/q/health/live");
            assertThat(c.getResources().getRequests()).as(name + " requests").containsKeys("memory", "cpu");
            assertThat(c.getResources().getLimits()).as(name + " limits").containsKey("memory");
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name + " read-only root").isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).contains("ALL");
            assertThat(c.getVolumeMounts()).as(name + " has a writable /tmp").anyMatch(m -> m.getMountPath().equals("/tmp"));
            assertThat(c.getPorts()).as(name).anyMatch(p -> p.getContainerPort().equals(PORTS.get(name)));
        }
    }

    static void assertProbe(String deployment, Probe probe, String path) {
        assertThat(probe).as(deployment + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(deployment).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example-county"})
    void every_service_selects_a_deployment_and_every_deployment_has_an_autoscaler_and_a_disruption_budget(String dir) {
        List<HasMetadata> objects = render(dir);
        List<Deployment> deployments = all(objects, Deployment.class);
        for (Service s : all(objects, Service.class)) {
            Map<String, String> selector = s.getSpec().getSelector();
            assertThat(deployments).as("a Deployment for Service " + s.getMetadata().getName())
                    .anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        }
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            // the HPA owns the count: a number in the manifest would be set again at every kubectl apply
            assertThat(d.getSpec().getReplicas()).as("replicas of " + name + ", which its HPA scales").isNull();
            assertThat(all(objects, Service.class)).as("Service " + name).anyMatch(s -> s.getMetadata().getName().equals(name));
            assertThat(all(objects, HorizontalPodAutoscaler.class)).as("HPA of " + name)
                    .anyMatch(h -> h.getSpec().getScaleTargetRef().getName().equals(name) && h.getSpec().getMinReplicas() >= 2);
            assertThat(all(objects, PodDisruptionBudget.class)).as("PDB of " + name).anyMatch(p -> p.getSpec().getSelector()
                    .getMatchLabels().entrySet().stream().allMatch(e -> e.getValue().equals(
                            d.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey()))));
        }
        assertThat(all(objects, Ingress.class)).singleElement().satisfies(i -> assertThat(i.getSpec().getRules().get(0).getHttp()
                .getPaths().get(0).getBackend().getService().getName()).isEqualTo("gateway"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example-county"})
    void every_setting_a_deployment_reads_names_a_key_its_config_map_or_secret_template_defines(String dir) throws IOException {
        List<HasMetadata> objects = render(dir);
        assertThat(all(objects, Secret.class)).as("no Secret is rendered: county IT creates them").isEmpty();
        Map<String, Set<String>> configMaps = all(objects, ConfigMap.class).stream()
                .collect(Collectors.toMap(m -> m.getMetadata().getName(), m -> m.getData().keySet()));
        Map<String, Set<String>> secrets = new HashMap<>();
        for (HasMetadata s : load(Files.readString(K8S.resolve("base/secrets.example.yaml")))) {
            Secret secret = (Secret) s;
            secrets.put(secret.getMetadata().getName(), secret.getStringData().keySet());
        }
        // Strimzi's User Operator makes a Secret for each KafkaUser, of its name (kafka-scram component)
        kafkaUsers(objects).forEach(u -> secrets.put(u.getMetadata().getName(), Set.of("password", "sasl.jaas.config")));
        for (Deployment d : all(objects, Deployment.class)) {
            String name = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvFromSource from : c.getEnvFrom()) {
                assertThat(configMaps).as(name + " envFrom").containsKey(from.getConfigMapRef().getName());
            }
            for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(secrets.get(ref.getName())).as(name + " " + env.getName() + " → Secret " + ref.getName()).contains(ref.getKey());
                }
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    assertThat(configMaps.get(ref.getName())).as(name + " " + env.getName()).contains(ref.getKey());
                }
            }
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    assertThat(secrets).as(name + " volume " + v.getName()).containsKey(v.getSecret().getSecretName());
                    v.getSecret().getItems().forEach(i -> assertThat(secrets.get(v.getSecret().getSecretName())).contains(i.getKey()));
                }
            }
            // the settings a service cannot start without
            Set<String> set = c.getEnvFrom().stream().flatMap(f -> configMaps.get(f.getConfigMapRef().getName()).stream())
                    .collect(Collectors.toSet());
            assertThat(set).as(name).contains("JWT_PUBLIC_KEY_LOCATION");
            if (!name.equals("gateway")) {
                assertThat(set).as(name).contains("DB_HOST", "DB_NAME", "KAFKA_BOOTSTRAP_SERVERS");
                // topic names come from application.properties behind LIANLUO_TOPIC_PREFIX: a name here would drop it
                assertThat(set).as(name).doesNotContain("LIANLUO_EVENTS_TOPIC");
                assertThat(c.getEnv()).extracting(EnvVar::getName).as(name).contains("DB_USER", "DB_PASSWORD");
            } else {
                assertThat(set).contains("LIANLUO_GATEWAY_STATION_URL", "LIANLUO_GATEWAY_DEPUTY_URL", "LIANLUO_GATEWAY_CASE_URL",
                        "LIANLUO_GATEWAY_SCORING_URL", "LIANLUO_GATEWAY_NOTIFICATION_URL");
            }
        }
    }

    /**
     * The ingress forwards every page the gateway serves: the API, the console, and / with each phone page's first
     * segment as web/src/h5/pages.ts lists them (a deputy comes back from Keycloak to /deputy/callback).
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example-county"})
    void the_ingress_forwards_the_api_the_console_and_every_phone_page_to_the_gateway(String dir) throws IOException {
        Matcher listed = Pattern.compile("'(/[a-z-]+)'").matcher(Files.readString(Path.of("../web/src/h5/pages.ts")));
        List<String> phonePages = new ArrayList<>();
        while (listed.find()) {
            phonePages.add(listed.group(1));
        }
        assertThat(phonePages).contains("/mailbox", "/deputy");
        Ingress ingress = all(render(dir), Ingress.class).get(0);
        Map<String, String> prefixes = new HashMap<>();
        ingress.getSpec().getRules().get(0).getHttp().getPaths().forEach(p -> {
            assertThat(p.getBackend().getService().getName()).as(p.getPath()).isEqualTo("gateway");
            prefixes.put(p.getPath(), p.getPathType());
        });
        assertThat(prefixes).containsEntry("/", "Exact").containsEntry("/api", "Prefix").containsEntry("/console", "Prefix");
        for (String page : phonePages) {
            assertThat(prefixes).as("the phone page " + page).containsEntry(page, "Prefix");
        }
    }

    @Test
    void images_are_the_ones_the_build_names_and_the_overlay_moves_them_to_the_countys_registry() throws IOException {
        String version = imageTag();
        for (Deployment d : all(render("base"), Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .isEqualTo("lianluo/" + d.getMetadata().getName() + ":" + version);
        }
        for (Deployment d : all(render("overlays/example-county"), Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                    .endsWith("/lianluo/" + d.getMetadata().getName() + ":" + version);
            assertThat(d.getMetadata().getNamespace()).isEqualTo("lianluo-433124");
        }
    }

    @Test
    void only_the_gateway_is_reachable_from_the_ingress_and_the_services_only_from_lianluo() {
        List<NetworkPolicy> policies = all(render("overlays/example-county"), NetworkPolicy.class);
        assertThat(policies).as("a default deny").anyMatch(p -> p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        for (NetworkPolicy p : policies) {
            Map<String, String> selected = p.getSpec().getPodSelector().getMatchLabels();
            boolean fromOtherNamespace = p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
                    .flatMap(r -> r.getFrom().stream()).anyMatch(f -> f.getNamespaceSelector() != null);
            if (fromOtherNamespace && p.getMetadata().getName().equals("lianluo-metrics-from-prometheus")) {
                // the monitoring Component's: Prometheus's pods to the metrics ports (MonitoringTest)
                p.getSpec().getIngress().forEach(r -> r.getFrom().forEach(MonitoringTest::isPrometheusPods));
            } else if (fromOtherNamespace) {
                assertThat(selected).as(p.getMetadata().getName() + " lets another namespace in: only to the gateway")
                        .containsEntry("app.kubernetes.io/name", "gateway");
            }
        }
    }

    /**
     * A copy of deploy/k8s under target/, with {@code edit} applied to one of its files (a path relative to k8s/), as
     * county IT would edit its overlay; the copy keeps the relative paths between overlays and base. Returns the edited
     * file's folder, for {@link #render}.
     */
    static String copyWithEdit(String name, String file, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path copy = Path.of("target", name);
        if (Files.exists(copy)) {
            try (var old = Files.walk(copy)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var files = Files.walk(K8S)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(K8S.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path edited = copy.resolve(file);
        String before = Files.readString(edited);
        String after = edit.apply(before);
        assertThat(after).as("the edit of " + file + " changes it").isNotEqualTo(before);
        Files.writeString(edited, after);
        // the kustomization the edit was made in, as render() takes it (relative to k8s/)
        return Path.of("..").resolve(edited.getParent()).toString();
    }

    static Map<String, String> configMap(List<HasMetadata> objects, String prefix) {
        return all(objects, ConfigMap.class).stream().filter(m -> m.getMetadata().getName().startsWith(prefix + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + prefix)).getData();
    }

    /**
     * docs/deploy.md section 4.6: the JWKS example is a Component the overlay takes by uncommenting two lines, and it
     * merges: the JWKS URL and issuer are set, the key file's volume is gone, and the overlay's own database, Kafka, host
     * name and ingress namespace are all still there.
     */
    @Test
    void the_jwks_example_merges_into_the_overlay_and_keeps_its_database_kafka_and_host() throws IOException {
        List<HasMetadata> plain = render("overlays/example-county");
        assertThat(configMap(plain, "lianluo-common")).containsEntry("JWT_PUBLIC_KEY_LOCATION", "/etc/lianluo/jwt/public-key.pem");

        String dir = copyWithEdit("k8s-jwks", "overlays/example-county/kustomization.yaml",
                y -> y.replace("\n  # - jwks\n", "\n  - jwks\n"));
        List<HasMetadata> objects = render(dir);
        assertThat(configMap(objects, "lianluo-common"))
                .containsEntry("JWT_PUBLIC_KEY_LOCATION", "https://sso.example.gov.cn/realms/lianluo/protocol/openid-connect/certs")
                .containsEntry("JWT_ISSUERS", "https://sso.example.gov.cn/realms/lianluo")
                .containsEntry("JWT_AUDIENCE", "lianluo");
        for (Deployment d : all(objects, Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            // no key file: the tokens' keys come from the JWKS URL (the CAs of kafka-scram and postgres-tls stay)
            assertThat(pod.getVolumes()).extracting(Volume::getName).as(d.getMetadata().getName()).contains("tmp").doesNotContain("jwt");
            assertThat(pod.getContainers().get(0).getVolumeMounts()).extracting(m -> m.getName()).contains("tmp").doesNotContain("jwt");
        }
        // what the overlay set before is all still set
        for (String service : List.of("station-service", "deputy-service", "case-service", "scoring-service", "notification-service")) {
            assertThat(configMap(objects, service + "-config")).as(service)
                    .containsEntry("DB_HOST", "postgres.db.svc")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "lianluo-kafka-kafka-bootstrap.kafka.svc:9093")
                    .isEqualTo(configMap(plain, service + "-config"));
        }
        assertThat(configMap(objects, "gateway-config")).isEqualTo(configMap(plain, "gateway-config"));
        assertThat(all(objects, Ingress.class).get(0).getSpec().getRules().get(0).getHost()).isEqualTo("lianluo.huayuan.example.gov.cn");
        assertThat(all(objects, Ingress.class).get(0).getSpec().getTls().get(0).getHosts()).containsExactly("lianluo.huayuan.example.gov.cn");
        assertThat(all(objects, NetworkPolicy.class)).filteredOn(p -> p.getMetadata().getName().equals("gateway-from-ingress"))
                .singleElement().satisfies(p -> assertThat(p.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector()
                        .getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));
        assertThat(all(objects, Deployment.class)).allMatch(d -> d.getMetadata().getNamespace().equals("lianluo-433124"));
    }

    /** docs/topology.md: the province's overlay takes federation/province, and only scoring-service changes. */
    @Test
    void the_province_component_turns_federation_on_in_scoring_service_alone() throws IOException {
        List<HasMetadata> plain = render("overlays/example-county");
        String dir = copyWithEdit("k8s-province", "overlays/example-county/kustomization.yaml",
                y -> y.replace("\ncomponents:\n", "\ncomponents:\n  - ../../federation/province\n"));
        List<HasMetadata> objects = render(dir);
        Map<String, String> scoring = configMap(objects, "scoring-service-config");
        assertThat(scoring).containsEntry("QUARKUS_PROFILE", "prod,federation").containsEntry("DB_HOST", "postgres.db.svc");
        Map<String, String> expected = new HashMap<>(configMap(plain, "scoring-service-config"));
        expected.put("QUARKUS_PROFILE", "prod,federation");
        assertThat(scoring).isEqualTo(expected);
        for (ConfigMap m : all(objects, ConfigMap.class)) {
            if (!m.getMetadata().getName().startsWith("scoring-service-config")) {
                assertThat(m.getData()).as(m.getMetadata().getName()).doesNotContainKey("QUARKUS_PROFILE");
            }
        }
    }

    /**
     * A county that federates: its topics are the base's with its prefix (as LIANLUO_TOPIC_PREFIX names them), and the
     * province's MirrorMaker 2 copies exactly its four event topics, under the same names.
     */
    @Test
    void a_federating_countys_topics_carry_its_prefix_and_mirrormaker_copies_its_four_event_topics_as_they_are() throws IOException {
        Set<String> base = topicNames(render("base/kafka-topics"));
        List<GenericKubernetesResource> county = all(render("federation/county-topics"), GenericKubernetesResource.class);
        assertThat(county).allSatisfy(t -> {
            assertThat(((Map<?, ?>) t.getAdditionalProperties().get("spec")).containsKey("topicName")).isFalse();
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "lianluo-kafka");
        });
        Set<String> prefixed = county.stream().map(t -> t.getMetadata().getName()).collect(Collectors.toSet());
        assertThat(prefixed).isEqualTo(base.stream().map(n -> "433124." + n).collect(Collectors.toSet()));

        GenericKubernetesResource mirror = (GenericKubernetesResource) load(Files.readString(K8S.resolve("federation/mirrormaker2.yaml"))).get(0);
        assertThat(mirror.getKind()).isEqualTo("KafkaMirrorMaker2");
        Map<?, ?> spec = (Map<?, ?>) mirror.getAdditionalProperties().get("spec");
        List<?> mirrors = (List<?>) spec.get("mirrors");
        assertThat(mirrors).hasSize(1);
        Map<?, ?> first = (Map<?, ?>) mirrors.get(0);
        assertThat(((Map<?, ?>) ((Map<?, ?>) first.get("sourceConnector")).get("config")).get("replication.policy.class"))
                .isEqualTo("org.apache.kafka.connect.mirror.IdentityReplicationPolicy");
        Pattern copied = Pattern.compile((String) first.get("topicsPattern"));
        assertThat(prefixed.stream().filter(n -> copied.matcher(n).matches()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("433124.station.events", "433124.deputy.events", "433124.case.events", "433124.scoring.events");
        assertThat(copied.matcher("station.events").matches()).as("the province's own topics are not copied back").isFalse();
    }

    /** The Strimzi KafkaUsers among the objects (the kafka-scram component). */
    static List<GenericKubernetesResource> kafkaUsers(List<HasMetadata> objects) {
        return all(objects, GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("KafkaUser")).toList();
    }

    static Set<String> topicNames(List<HasMetadata> objects) {
        return all(objects, GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals("KafkaTopic"))
                .map(t -> (String) ((Map<?, ?>) t.getAdditionalProperties().get("spec")).get("topicName")).collect(Collectors.toSet());
    }

    @Test
    void the_four_topics_and_the_dead_letter_topics_are_declared_for_strimzi() {
        List<GenericKubernetesResource> topics = all(render("overlays/example-county/kafka-topics"), GenericKubernetesResource.class)
                .stream().filter(r -> r.getKind().equals("KafkaTopic")).toList();
        Map<String, Object> byName = topics.stream().collect(Collectors.toMap(t -> (String) ((Map<?, ?>) t.getAdditionalProperties()
                .get("spec")).get("topicName"), t -> t.getAdditionalProperties().get("spec")));
        assertThat(byName).containsKeys("station.events", "deputy.events", "case.events", "scoring.events");
        for (String topic : List.of("station.events", "deputy.events", "case.events", "scoring.events")) {
            assertThat((Integer) ((Map<?, ?>) byName.get(topic)).get("partitions")).as(topic).isGreaterThanOrEqualTo(3);
            assertThat(((Map<?, ?>) ((Map<?, ?>) byName.get(topic)).get("config")).containsKey("retention.ms")).as(topic).isTrue();
        }
        assertThat(byName.keySet()).filteredOn(t -> t.endsWith(".dlq")).hasSizeGreaterThanOrEqualTo(5);
        // notification-service publishes nothing and creates no topic: its four dead-letter topics are all it has
        assertThat(byName).containsKeys("notification-service.case-events.dlq", "notification-service.deputy-events.dlq",
                "notification-service.scoring-events.dlq", "notification-service.station-events.dlq");
        assertThat(byName.keySet()).filteredOn(t -> t.startsWith("notification")).hasSize(4);
    }

    static Container container(List<HasMetadata> objects, String deployment) {
        return all(objects, Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(deployment)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + deployment)).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static io.fabric8.kubernetes.api.model.SecretKeySelector secretRef(Container c, String env) {
        return c.getEnv().stream().filter(e -> e.getName().equals(env)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + env)).getValueFrom().getSecretKeyRef();
    }

    /**
     * case-service (a case's citizen) and station-service (代表有约's bookings) seal the citizen's phone into their events
     * with the key notification-service opens it with: all three read the same key of the same Secret, and none starts
     * without it (else it would run on the public dev key).
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/example-county"})
    void case_and_notification_service_share_the_notify_key_and_need_it(String dir) {
        List<HasMetadata> objects = render(dir);
        var sealing = secretRef(container(objects, "case-service"), "LIANLUO_NOTIFY_KEY");
        var bookings = secretRef(container(objects, "station-service"), "LIANLUO_NOTIFY_KEY");
        var opening = secretRef(container(objects, "notification-service"), "LIANLUO_NOTIFY_KEY");
        assertThat(List.of(sealing, bookings, opening)).allSatisfy(ref -> {
            assertThat(ref.getName()).isEqualTo("lianluo-notify");
            assertThat(ref.getKey()).isEqualTo("key");
            assertThat(ref.getOptional()).as("optional").isNotEqualTo(Boolean.TRUE);
        });
        Container notification = container(objects, "notification-service");
        assertThat(secretRef(notification, "LIANLUO_NOTIFY_WEBHOOK_KEY").getOptional()).isNotEqualTo(Boolean.TRUE);
        // the hashes of opt-outs and daily counts: a key of their own, required, not rotated with "key"
        assertThat(secretRef(notification, "LIANLUO_NOTIFY_HASH_KEY").getKey()).isEqualTo("hash-key");
        assertThat(secretRef(notification, "LIANLUO_NOTIFY_HASH_KEY").getOptional()).isNotEqualTo(Boolean.TRUE);
        assertThat(secretRef(notification, "LIANLUO_NOTIFY_PREVIOUS_KEYS").getKey()).isEqualTo("previous-keys");
        for (String account : List.of("LIANLUO_SMS_ACCESS_KEY_ID", "LIANLUO_SMS_ACCESS_KEY_SECRET", "QUARKUS_MAILER_USERNAME",
                "QUARKUS_MAILER_PASSWORD")) {
            assertThat(secretRef(notification, account).getName()).as(account).isEqualTo("lianluo-notify");
        }
        // no other service is given the key
        for (Deployment d : all(objects, Deployment.class)) {
            if (!Set.of("case-service", "station-service", "notification-service").contains(d.getMetadata().getName())) {
                List<EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
                assertThat(env == null ? List.<EnvVar>of() : env).extracting(EnvVar::getName).as(d.getMetadata().getName())
                        .doesNotContain("LIANLUO_NOTIFY_KEY");
            }
        }
        Map<String, String> config = configMap(objects, "notification-service-config");
        assertThat(config).containsKeys("LIANLUO_NOTIFY_SMS_PROVIDER", "LIANLUO_NOTIFY_SMS_SIGN_NAME", "QUARKUS_MAILER_HOST",
                "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_FROM").containsEntry("QUARKUS_MAILER_START_TLS", "REQUIRED");
        // production delivers webhooks over https: to public addresses only: no switch that allows otherwise is set
        assertThat(config.keySet()).noneMatch(k -> k.contains("ALLOW"));
        assertThat(configMap(objects, "gateway-config")).containsEntry("LIANLUO_GATEWAY_NOTIFICATION_URL", "http://notification-service:8085");
    }

    static NetworkPolicy policy(List<HasMetadata> objects, String name) {
        return all(objects, NetworkPolicy.class).stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no NetworkPolicy " + name));
    }

    /** The egress rule whose ports are exactly these TCP (and, for 53, UDP) ports. */
    static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule egressTo(NetworkPolicy p, Integer... ports) {
        return p.getSpec().getEgress().stream().filter(r -> r.getPorts().stream().map(x -> x.getPort().getIntVal())
                .collect(Collectors.toSet()).equals(Set.of(ports))).findFirst()
                .orElseThrow(() -> new AssertionError("no egress rule for ports " + List.of(ports)));
    }

    /**
     * notification-service opens connections to URLs people type in (webhooks): it may reach DNS, PostgreSQL, Kafka, the
     * SMTP port anywhere, and 443 on public addresses only; nothing else. Only the gateway reaches it.
     */
    @Test
    void notification_service_reaches_dns_its_database_kafka_smtp_and_public_https_only() {
        List<HasMetadata> objects = render("overlays/example-county");
        NetworkPolicy in = policy(objects, "notification-service-from-gateway");
        assertThat(in.getSpec().getIngress()).singleElement().satisfies(r -> {
            assertThat(r.getFrom()).singleElement().satisfies(f -> assertThat(f.getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", "gateway"));
            assertThat(r.getPorts()).singleElement().satisfies(x -> assertThat(x.getPort().getIntVal()).isEqualTo(8085));
        });

        NetworkPolicy out = policy(objects, "notification-service-egress");
        assertThat(out.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(out.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "notification-service");
        assertThat(out.getSpec().getEgress()).hasSize(4);
        assertThat(egressTo(out, 53).getPorts()).extracting(x -> x.getProtocol()).containsExactlyInAnyOrder("UDP", "TCP");
        // the overlay's kafka-scram component moves Kafka to the TLS listener's port, 9093
        assertThat(egressTo(out, 5432, 9093).getTo()).as("PostgreSQL and Kafka wherever they run").isNullOrEmpty();
        assertThat(egressTo(out, 587).getTo()).as("the county's mail server may be inside its network").isNullOrEmpty();
        var https = egressTo(out, 443);
        assertThat(https.getTo()).isNotEmpty().allSatisfy(peer -> {
            assertThat(peer.getPodSelector()).isNull();
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getIpBlock().getCidr()).isIn("0.0.0.0/0", "::/0");
        });
        List<String> excepted = https.getTo().stream().flatMap(peer -> peer.getIpBlock().getExcept().stream()).toList();
        assertThat(excepted).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8", "fc00::/7");
        // the ports the service's settings name are the ones the policy opens
        Map<String, String> config = configMap(objects, "notification-service-config");
        assertThat(Integer.valueOf(config.get("QUARKUS_MAILER_PORT"))).isEqualTo(587);
        assertThat(Integer.valueOf(config.get("DB_PORT"))).isEqualTo(5432);
        assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).endsWith(":9093");
    }

    /** docs/deploy.md section 14: a county whose mail server takes mail on 465 uncomments the overlay's patch. */
    @Test
    void the_overlays_smtp_port_patch_changes_the_egress_port_and_nothing_else() throws IOException {
        List<HasMetadata> plain = render("overlays/example-county");
        String dir = copyWithEdit("k8s-smtp-port", "overlays/example-county/kustomization.yaml", y -> Pattern
                .compile("(?m)^  # (- target:\\n)((?:  #   .*\\n)+)").matcher(y).replaceAll(m -> "  " + m.group(1)
                        + m.group(2).replace("  #   ", "    ")));
        List<HasMetadata> objects = render(dir);
        NetworkPolicy out = policy(objects, "notification-service-egress");
        egressTo(out, 465);
        assertThat(out.getSpec().getEgress()).noneMatch(r -> r.getPorts().stream().anyMatch(x -> x.getPort().getIntVal() == 587));
        NetworkPolicy before = policy(plain, "notification-service-egress");
        assertThat(out.getSpec().getEgress().subList(0, 3)).isEqualTo(before.getSpec().getEgress().subList(0, 3));
    }
}
