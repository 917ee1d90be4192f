package cn.lianluo.gateway;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The JAX-RS operations a module's compiled resource classes declare, as "METHOD /path" (REST client interfaces aside). */
final class JaxRsOperations {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName IDEMPOTENT = DotName.createSimple("cn.lianluo.common.idempotency.Idempotent");
    private static final List<String> VERBS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private JaxRsOperations() {
    }

    static Set<String> of(Path classes) throws IOException {
        return operations(classes, false);
    }

    /** Those marked {@code @Idempotent} (they honour an Idempotency-Key header). */
    static Set<String> idempotent(Path classes) throws IOException {
        return operations(classes, true);
    }

    private static Set<String> operations(Path classes, boolean onlyIdempotent) throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                try (InputStream in = Files.newInputStream(f)) {
                    indexer.index(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Index index = indexer.complete();
        Set<String> operations = new TreeSet<>();
        for (ClassInfo resource : index.getKnownClasses()) {
            AnnotationInstance root = resource.declaredAnnotation(PATH);
            if (root == null || resource.isInterface()) {
                continue;
            }
            for (MethodInfo method : resource.methods()) {
                for (String verb : VERBS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))
                            && (!onlyIdempotent || method.hasDeclaredAnnotation(IDEMPOTENT))) {
                        AnnotationInstance sub = method.declaredAnnotation(PATH);
                        String path = join(root.value().asString(), sub == null ? "" : sub.value().asString());
                        operations.add(verb + " " + path);
                    }
                }
            }
        }
        return operations;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
