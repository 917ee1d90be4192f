import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds one Lianluo service image as a tarball with Jib's core library: no Docker daemon, no registry, no base image
 * to pull. Three layers: the runtime (a jlink'd JRE and the few system libraries it links, assembled by ./suite images
 * and the same in every image), the service's libraries (quarkus-app/lib) and the service itself. Timestamps are fixed
 * and the files sorted, so the same inputs give the same image; it runs as user 185, never as root.
 *
 * <pre>java -cp $(classpath of tools/image-builder/pom.xml) ImageBuilder RUNTIME_DIR QUARKUS_APP_DIR NAME PORT OUT.tar</pre>
 */
public class ImageBuilder {

    static final Instant FIXED = Instant.ofEpochSecond(1);

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: ImageBuilder RUNTIME_DIR QUARKUS_APP_DIR IMAGE_NAME PORT OUT.tar");
            System.exit(2);
        }
        Path runtime = Path.of(args[0]);
        Path app = Path.of(args[1]);
        String name = args[2];
        int port = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", name.substring(name.indexOf('/') + 1, name.lastIndexOf(':')));
        labels.put("org.opencontainers.image.version", name.substring(name.lastIndexOf(':') + 1));
        labels.put("org.opencontainers.image.source", "https://github.com/lianluo/lianluo");
        labels.put("org.opencontainers.image.description", "Lianluo 联络 — deputy liaison stations platform");

        JibContainer built = Jib.fromScratch()
                .addFileEntriesLayer(layer("runtime", runtime, AbsoluteUnixPath.get("/")))
                .addFileEntriesLayer(layer("libraries", app.resolve("lib"), AbsoluteUnixPath.get("/deployments/lib")))
                .addFileEntriesLayer(application(app))
                .setEntrypoint(List.of("/opt/java/bin/java", "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=/tmp",
                        "-jar", "/deployments/quarkus-run.jar"))
                .setEnvironment(environment())
                .setUser("185:185")
                .setWorkingDirectory(AbsoluteUnixPath.get("/deployments"))
                .setExposedPorts(Set.of(Port.tcp(port)))
                .setLabels(labels)
                .setCreationTime(Instant.EPOCH)
                .containerize(Containerizer.to(TarImage.at(out).named(name)).setAlwaysCacheBaseImage(false)
                        .setApplicationLayersCache(out.getParent().resolve("jib-cache")));
        System.out.println(name + " " + built.getImageId() + " → " + out);
    }

    /** In a fixed order (Map.of's order changes from one JVM to the next, and with it the image's digest). */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", "/opt/java");
        env.put("PATH", "/opt/java/bin");
        env.put("LANG", "C.UTF-8");
        env.put("TZ", "Asia/Shanghai");
        return env;
    }

    /** Every file under {@code from}, in name order, at the same place under {@code into}, with its own permissions. */
    static FileEntriesLayer layer(String name, Path from, AbsoluteUnixPath into) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                if (file.equals(from)) {
                    continue;
                }
                AbsoluteUnixPath target = into.resolve(from.relativize(file).toString().replace('\\', '/'));
                layer.addEntry(file, target, permissions(file), FIXED);
            }
        }
        return layer.build();
    }

    /** quarkus-run.jar, app/ and quarkus/ of the fast-jar layout: what changes with every build. */
    static FileEntriesLayer application(Path app) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        AbsoluteUnixPath root = AbsoluteUnixPath.get("/deployments");
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.sorted().toList()) {
                String relative = app.relativize(file).toString();
                if (file.equals(app) || relative.equals("lib") || relative.startsWith("lib/")) {
                    continue;
                }
                layer.addEntry(file, root.resolve(relative), permissions(file), FIXED);
            }
        }
        return layer.build();
    }

    static FilePermissions permissions(Path file) throws IOException {
        Set<PosixFilePermission> own = Files.getPosixFilePermissions(file);
        return FilePermissions.fromPosixFilePermissions(own);
    }
}
