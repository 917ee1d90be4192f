package cn.lianluo.common.files;

import cn.lianluo.common.problem.FieldError;
import cn.lianluo.common.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What every service that takes uploads (case-service's files, station-service's 六有 evidence) does the same way: the
 * same limits and the same problems for a file too large, empty or of a type not taken, the type read from the bytes,
 * the digest kept beside them, and the header a download is sent with.
 */
public final class Uploads {

    private Uploads() {
    }

    /** The bytes of a spooled multipart part: a 413 problem above {@code maxBytes}, a 400 for an empty file. */
    public static byte[] read(Path upload, long maxBytes) {
        try {
            long size = Files.size(upload);
            if (size > maxBytes) {
                throw tooLarge(size, maxBytes);
            }
            if (size == 0) {
                throw ProblemException.invalid("file", "the file is empty");
            }
            return Files.readAllBytes(upload);
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded file", e);
        }
    }

    /** The type the first bytes show; a 415 problem when they are neither an image taken nor a PDF. */
    public static FileType type(byte[] content) {
        byte[] head = Arrays.copyOf(content, Math.min(content.length, FileType.HEAD));
        return FileType.sniff(head).orElseThrow(() -> new ProblemException(415, "unsupported-file-type",
                "Unsupported media type 不支持的文件类型", "the file is neither an image (JPEG, PNG, WebP, HEIC) nor a PDF: "
                + "its first bytes decide, not its name or declared type",
                List.of(new FieldError("file", "a JPEG, PNG, WebP or HEIC image or a PDF"))));
    }

    public static ProblemException tooLarge(long size, long maxBytes) {
        return new ProblemException(413, "payload-too-large", "Payload too large 请求体过大",
                "the file has " + size + " bytes; at most " + maxBytes + " (" + maxBytes / (1024 * 1024)
                        + " MiB) are taken", List.of(new FieldError("file", "at most " + maxBytes + " bytes")));
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** RFC 6266: an ASCII fallback for old clients, the exact name as UTF-8 (RFC 8187) for the rest. */
    public static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
