package cn.lianluo.common.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file the services take (photos from a phone and PDF documents: a case's attachments, a station's 六有
 * evidence), told apart by their first bytes only. The
 * name a file arrives with and the type its sender declares are the sender's word; the bytes are what a reader's
 * program will parse, so they decide. Anything else (SVG and HTML above all, which a browser would run) is refused.
 */
public enum FileType {
    JPEG("image/jpeg", "jpg", Set.of("jpg", "jpeg", "jpe", "jfif")),
    PNG("image/png", "png", Set.of("png")),
    WEBP("image/webp", "webp", Set.of("webp")),
    HEIC("image/heic", "heic", Set.of("heic", "heif")),
    PDF("application/pdf", "pdf", Set.of("pdf"));

    /** Bytes {@link #sniff} looks at: every signature above, and the brands of a HEIF file's first box. */
    public static final int HEAD = 64;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Brands of HEVC-coded HEIF images, as iPhones and Android phones write them (ISO/IEC 23008-12). */
    private static final Set<String> HEIC_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx");
    /** The generic HEIF brands: HEIC only when a compatible brand says so (AVIF uses them too). */
    private static final Set<String> HEIF_BRANDS = Set.of("mif1", "msf1");

    private final String contentType;
    private final String extension;
    private final Set<String> extensions;

    FileType(String contentType, String extension, Set<String> extensions) {
        this.contentType = contentType;
        this.extension = extension;
        this.extensions = extensions;
    }

    public String contentType() {
        return contentType;
    }

    /** The extension a file of this type is given when its name has none of {@link #fits its own}. */
    public String extension() {
        return extension;
    }

    /** Whether a name's extension (lower case, without the dot) is one files of this type are known by. */
    public boolean fits(String extension) {
        return extensions.contains(extension);
    }

    /** The type the first bytes of a file show, if it is one the services take. */
    public static Optional<FileType> sniff(byte[] head) {
        if (startsWith(head, 0, (byte) 0xff, (byte) 0xd8, (byte) 0xff)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (heic(head)) {
            return Optional.of(HEIC);
        }
        if (ascii(head, 0, "%PDF-")) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /**
     * An ISO base media file starts with its {@code ftyp} box: the box's size, "ftyp", the major brand, a minor
     * version and the compatible brands. Video (mp4, mov) and AVIF have brands of their own.
     */
    private static boolean heic(byte[] head) {
        if (!ascii(head, 4, "ftyp") || head.length < 12) {
            return false;
        }
        String major = new String(head, 8, 4, StandardCharsets.US_ASCII);
        if (HEIC_BRANDS.contains(major)) {
            return true;
        }
        if (!HEIF_BRANDS.contains(major)) {
            return false;
        }
        long box = ((head[0] & 0xffL) << 24) | ((head[1] & 0xff) << 16) | ((head[2] & 0xff) << 8) | (head[3] & 0xff);
        int end = (int) Math.min(box, head.length);
        for (int at = 16; at + 4 <= end; at += 4) {
            if (HEIC_BRANDS.contains(new String(head, at, 4, StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ascii(byte[] head, int at, String text) {
        return startsWith(head, at, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int at, byte... prefix) {
        return head.length >= at + prefix.length && Arrays.equals(head, at, at + prefix.length, prefix, 0, prefix.length);
    }
}
