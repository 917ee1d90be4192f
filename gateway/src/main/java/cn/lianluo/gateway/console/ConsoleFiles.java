package cn.lianluo.gateway.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The console's built files, as the web module's jar holds them under {@value #ROOT}. A file is read once and kept
 * with its gzip form and an ETag (the files of one build never change); files that are not there are not remembered,
 * so no request can grow the cache beyond the build's files.
 */
final class ConsoleFiles {

    static final String ROOT = "META-INF/lianluo-console/";

    /** The types the console's build produces; a name with another ending is not served. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    record File(String contentType, byte[] bytes, byte[] gzipped, String etag) {
    }

    private final ClassLoader loader;
    private final Map<String, File> files = new ConcurrentHashMap<>();

    ConsoleFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** Whether a name (relative to /console/) has the ending of a built file, i.e. is no page of the app. */
    static boolean looksLikeFile(String name) {
        return typeOf(name) != null;
    }

    private static String typeOf(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash ? TYPES.get(name.substring(dot + 1)) : null;
    }

    /** The file at a name relative to /console/ ("index.html", "assets/index-abc.js"), if the build has it. */
    Optional<File> find(String name) {
        String type = typeOf(name);
        if (type == null || name.startsWith("/") || name.startsWith(".") || name.contains("/.") || name.contains("\\")
                || name.contains("//")) {
            return Optional.empty();
        }
        File known = files.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            File file = fileOf(type, in.readAllBytes());
            files.put(name, file);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File fileOf(String type, byte[] bytes) throws IOException {
        byte[] gzipped = null;
        if (type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            }
            gzipped = out.size() < bytes.length ? out.toByteArray() : null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new File(type, bytes, gzipped, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
