package cn.lianluo.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static cn.lianluo.deploy.ManifestsTest.all;
import static cn.lianluo.deploy.ManifestsTest.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example overlay's kafka-scram and postgres-tls components: a KafkaUser per service whose ACLs are exactly what
 * the service's application.properties needs (it writes its own topic and dead-letter topics, nothing else), and the
 * Deployments' settings that use the Secrets and CAs they name.
 */
class SecureConnectionsTest {

    static final List<String> WITH_KAFKA = List.of("station-service", "deputy-service", "case-service", "scoring-service",
            "notification-service");
    private static final String PREFIX = "${lianluo.topic-prefix:}";

    /** The topics and groups a service's channels and relay use, read from its application.properties. */
    record Needs(Set<String> writes, Set<String> reads, Set<String> groups) {
    }

    static Needs needs(String service) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("..", service, "src/main/resources/application.properties"))) {
            p.load(r);
        }
        Set<String> writes = new TreeSet<>();
        Set<String> reads = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        if (!"false".equals(p.getProperty("lianluo.events.create-topic"))) {
            writes.add(unprefixed(p.getProperty("lianluo.events.topic")));
        }
        for (String name : p.stringPropertyNames()) {
            if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                reads.add(unprefixed(p.getProperty(name)));
            } else if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic")) {
                writes.add(unprefixed(p.getProperty(name)));
                reads.add(unprefixed(p.getProperty(name)));
            } else if (name.matches("mp\\.messaging\\.(incoming\\.[^.]+|connector\\.smallrye-kafka)\\.group\\.id")) {
                groups.add(unprefixed(p.getProperty(name)));
            }
        }
        return new Needs(writes, reads, groups);
    }

    private static String unprefixed(String value) {
        assertThat(value).as("a topic or group name behind LIANLUO_TOPIC_PREFIX").startsWith(PREFIX);
        return value.substring(PREFIX.length());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> acls(GenericKubernetesResource user) {
        Map<String, Object> spec = (Map<String, Object>) user.getAdditionalProperties().get("spec");
        return (List<Map<String, Object>>) ((Map<String, Object>) spec.get("authorization")).get("acls");
    }

    @SuppressWarnings("unchecked")
    static Set<String> resourcesAllowing(GenericKubernetesResource user, String type, String operation) {
        return acls(user).stream().filter(a -> ((List<String>) a.get("operations")).contains(operation))
                .map(a -> (Map<String, Object>) a.get("resource")).filter(r -> type.equals(r.get("type")))
                .map(r -> String.valueOf(r.get("name"))).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_service_with_a_kafka_client_has_a_kafka_user_confined_to_its_own_topics_and_group() throws IOException {
        List<GenericKubernetesResource> users = ManifestsTest.kafkaUsers(render("overlays/example-county"));
        // the gateway has no Kafka client of its own: no user
        assertThat(users).extracting(u -> u.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(WITH_KAFKA);
        for (GenericKubernetesResource user : users) {
            String service = user.getMetadata().getName();
            Needs needs = needs(service);
            Map<String, Object> spec = (Map<String, Object>) user.getAdditionalProperties().get("spec");
            assertThat(((Map<String, Object>) spec.get("authentication")).get("type")).as(service).isEqualTo("scram-sha-512");
            assertThat(((Map<String, Object>) spec.get("authorization")).get("type")).as(service).isEqualTo("simple");
            assertThat(user.getMetadata().getLabels()).as(service).containsEntry("strimzi.io/cluster", "lianluo-kafka");
            // no wildcard and no prefix: every ACL names one topic or group
            assertThat(acls(user)).as(service).allSatisfy(a -> {
                Map<String, Object> resource = (Map<String, Object>) a.get("resource");
                assertThat(resource.get("name")).as(service + " " + resource).isNotEqualTo("*");
                if (!"cluster".equals(resource.get("type"))) {
                    assertThat(resource.get("patternType")).as(service + " " + resource).isEqualTo("literal");
                }
            });
            Set<String> written = resourcesAllowing(user, "topic", "Write");
            assertThat(written).as(service + " writes").isEqualTo(needs.writes());
            assertThat(written).as(service + " writes only its own topic and its own dead-letter topics").allSatisfy(t ->
                    assertThat(t.equals(service.replace("-service", "") + ".events") || t.startsWith(service + ".")).isTrue());
            assertThat(resourcesAllowing(user, "topic", "Read")).as(service + " reads").isEqualTo(needs.reads());
            assertThat(resourcesAllowing(user, "topic", "Describe")).as(service)
                    .containsAll(needs.reads()).containsAll(needs.writes());
            assertThat(resourcesAllowing(user, "group", "Read")).as(service + " groups").isEqualTo(needs.groups());
            assertThat(resourcesAllowing(user, "topic", "Create")).as(service + " creates only what it writes")
                    .isSubsetOf(needs.writes());
            assertThat(acls(user)).as(service).filteredOn(a -> "cluster".equals(((Map<String, Object>) a.get("resource")).get("type")))
                    .allSatisfy(a -> assertThat((List<String>) a.get("operations")).containsExactly("IdempotentWrite"));
        }
        // nobody else may write a service's topic
        for (GenericKubernetesResource user : users) {
            for (GenericKubernetesResource other : users) {
                if (other != user) {
                    assertThat(resourcesAllowing(other, "topic", "Write")).doesNotContainAnyElementsOf(
                            resourcesAllowing(user, "topic", "Write"));
                }
            }
        }
    }

    @Test
    void each_service_logs_in_as_its_user_with_the_secret_strimzi_makes_and_trusts_the_cluster_ca() {
        List<HasMetadata> objects = render("overlays/example-county");
        Set<String> users = ManifestsTest.kafkaUsers(objects).stream().map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
        for (Deployment d : all(objects, Deployment.class)) {
            String name = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            if (name.equals("gateway")) {
                assertThat(envNames(c)).as(name).noneMatch(e -> e.startsWith("LIANLUO_KAFKA_"));
                continue;
            }
            assertThat(value(c, "LIANLUO_KAFKA_SECURITY_PROTOCOL")).as(name).isEqualTo("SASL_SSL");
            assertThat(value(c, "LIANLUO_KAFKA_USERNAME")).as(name).isEqualTo(name).isIn(users);
            var password = env(c, "LIANLUO_KAFKA_PASSWORD").getValueFrom().getSecretKeyRef();
            assertThat(password.getName()).as(name).isEqualTo(name);
            assertThat(password.getKey()).as(name).isEqualTo("password");
            assertMountedFrom(d, value(c, "LIANLUO_KAFKA_CA"), "lianluo-kafka-cluster-ca-cert", "ca.crt");
        }
    }

    @Test
    void each_service_with_a_database_verifies_the_servers_certificate_against_the_mounted_ca() {
        for (Deployment d : all(render("overlays/example-county"), Deployment.class)) {
            String name = d.getMetadata().getName();
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            if (name.equals("gateway")) {
                assertThat(envNames(c)).as(name).noneMatch(e -> e.startsWith("LIANLUO_DB_"));
                continue;
            }
            assertThat(value(c, "LIANLUO_DB_SSLMODE")).as(name).isEqualTo("verify-full");
            assertMountedFrom(d, value(c, "LIANLUO_DB_SSLROOTCERT"), "lianluo-db-ca", "ca.crt");
        }
    }

    /** {@code file} is the key {@code key} of the Secret {@code secret}, mounted into the Deployment's container. */
    static void assertMountedFrom(Deployment d, String file, String secret, String key) {
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        String name = d.getMetadata().getName();
        VolumeMount mount = pod.getContainers().get(0).getVolumeMounts().stream()
                .filter(m -> file.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(name + ": nothing is mounted where " + file + " is"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getSecret()).as(name + " " + file).isNotNull();
        assertThat(volume.getSecret().getSecretName()).as(name + " " + file).isEqualTo(secret);
        String path = file.substring(mount.getMountPath().length() + 1);
        assertThat(volume.getSecret().getItems()).as(name + " " + file)
                .anyMatch(i -> i.getKey().equals(key) && i.getPath().equals(path));
    }

    private static List<String> envNames(Container c) {
        return c.getEnv() == null ? List.of() : c.getEnv().stream().map(EnvVar::getName).toList();
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private static String value(Container c, String name) {
        return env(c, name).getValue();
    }
}
