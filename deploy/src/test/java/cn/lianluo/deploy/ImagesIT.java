package cn.lianluo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The six images {@code ./suite images} builds without a Docker daemon: named as deploy/k8s names them, non-root,
 * the runtime layer shared, the same bytes from the same inputs, and the gateway's image actually runs from its own
 * files alone (unpacked and started under chroot as user 185).
 */
class ImagesIT {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path IMAGES = ROOT.resolve(".suite/images");
    static final Map<String, Integer> PORTS = ManifestsTest.PORTS;
    static final ObjectMapper JSON = new ObjectMapper();

    static String tag;

    @BeforeAll
    static void buildTheImages() throws Exception {
        Matcher m = Pattern.compile("<image.tag>([^<]+)</image.tag>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).as("<image.tag> in the root pom").isTrue();
        tag = m.group(1);
        // the services were packaged earlier in the same build (this module comes last)
        run(ROOT, ROOT.resolve("suite").toString(), "images", "--no-build");
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

    /** An image tarball unpacked: its manifest entry and config. */
    record Image(JsonNode manifest, JsonNode config, Path dir) {
        List<String> layers() {
            List<String> layers = new ArrayList<>();
            manifest.path("Layers").forEach(l -> layers.add(l.asText()));
            return layers;
        }
    }

    static Image open(Path tar, Path into) throws Exception {
        Files.createDirectories(into);
        run(into, "tar", "-xf", tar.toString());
        JsonNode manifest = JSON.readTree(into.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(into.resolve(manifest.path("Config").asText()).toFile());
        return new Image(manifest, config, into);
    }

    @Test
    void each_service_has_a_non_root_image_named_as_the_manifests_name_it(@TempDir Path work) throws Exception {
        String runtimeLayer = null;
        for (String service : PORTS.keySet()) {
            Image image = open(IMAGES.resolve(service + ".tar"), work.resolve(service));
            assertThat(image.manifest().path("RepoTags").get(0).asText()).isEqualTo("lianluo/" + service + ":" + tag);
            JsonNode config = image.config().path("config");
            assertThat(config.path("User").asText()).as(service).isEqualTo("185:185");
            assertThat(config.path("Entrypoint").get(0).asText()).isEqualTo("/opt/java/bin/java");
            assertThat(config.path("ExposedPorts").has(PORTS.get(service) + "/tcp")).as(service + " port").isTrue();
            assertThat(image.layers()).as(service + ": runtime, libraries, application").hasSize(3);
            if (runtimeLayer == null) {
                runtimeLayer = image.layers().get(0);
            }
            assertThat(image.layers().get(0)).as("the runtime layer every image shares").isEqualTo(runtimeLayer);
        }
    }

    @Test
    void the_same_inputs_give_the_same_image(@TempDir Path work) throws Exception {
        Path again = work.resolve("gateway.tar");
        run(ROOT, "java", "-cp", Files.readString(IMAGES.resolve("classpath.txt")).strip(),
                ROOT.resolve("tools/image-builder/ImageBuilder.java").toString(), IMAGES.resolve("runtime").toString(),
                ROOT.resolve("gateway/target/quarkus-app").toString(), "lianluo/gateway:" + tag, "8080", again.toString());
        Image first = open(IMAGES.resolve("gateway.tar"), work.resolve("first"));
        Image second = open(again, work.resolve("second"));
        assertThat(second.layers()).isEqualTo(first.layers());
        assertThat(second.config()).isEqualTo(first.config());
    }

    @Test
    void the_gateway_image_runs_from_its_own_files_as_user_185(@TempDir Path work) throws Exception {
        // unpacking, mount and chroot need root: skipped on a developer's machine, run on CI (which runs as root)
        assumeTrue("0".equals(run(ROOT, "id", "-u").strip()), "needs root (unpacking, mount, chroot); CI runs it as root");
        Image image = open(IMAGES.resolve("gateway.tar"), work.resolve("image"));
        Path rootfs = work.resolve("rootfs");
        Files.createDirectories(rootfs);
        for (String layer : image.layers()) {
            run(rootfs, "tar", "-xzf", image.dir().resolve(layer).toString());
        }
        assertThat(rootfs.resolve("bin")).as("nothing from a distribution: no shell, no package manager").doesNotExist();
        Files.copy(ROOT.resolve("deploy/dev-keys/dev-public-key.pem"), rootfs.resolve("tmp/key.pem"));
        Files.createDirectories(rootfs.resolve("proc"));
        run(ROOT, "mount", "-t", "proc", "proc", rootfs.resolve("proc").toString());
        Process gateway = null;
        try {
            List<String> command = new ArrayList<>(List.of("chroot", "--userspec=185:185", rootfs.toString()));
            image.config().path("config").path("Entrypoint").forEach(e -> command.add(e.asText()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("gateway.log").toFile());
            builder.environment().clear();
            builder.environment().putAll(Map.of("JWT_PUBLIC_KEY_LOCATION", "/tmp/key.pem", "QUARKUS_HTTP_PORT", "18180",
                    "LIANLUO_GATEWAY_STATION_URL", "http://127.0.0.1:18189"));
            gateway = builder.start();
            Process started = gateway;
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> !started.isAlive() || status("http://127.0.0.1:18180/q/health/live") == 200);
            } catch (ConditionTimeoutException e) {
                // reported by the assertion below, with the gateway's log
            }
            int live = status("http://127.0.0.1:18180/q/health/live");
            assertThat(live).as("the gateway from its image: " + Files.readString(work.resolve("gateway.log"))).isEqualTo(200);
            // it answers the API: with no station-service behind it, a 503 problem
            assertThat(status("http://127.0.0.1:18180/api/v1/regions/43")).isEqualTo(503);
        } finally {
            if (gateway != null) {
                gateway.destroy();
                gateway.waitFor();
            }
            run(ROOT, "umount", rootfs.resolve("proc").toString());
        }
    }

    static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            return c.getResponseCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
