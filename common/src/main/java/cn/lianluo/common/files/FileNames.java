package cn.lianluo.common.files;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name a stored file keeps: what the sender called it, made safe to show in a list and to hand back in a
 * {@code Content-Disposition} header. No folders (a name is the last segment of whatever path a browser sent), no
 * control or direction-override characters (a "photo\u202Egpj.exe" must not read as a photo), none of the characters
 * Windows refuses in a file name, no leading dots, at most {@link #MAX_LENGTH} characters, and an extension that fits
 * the type the bytes showed (a PDF sent as "scan.png" is kept as "scan.png.pdf").
 */
public final class FileNames {

    public static final int MAX_LENGTH = 100;
    private static final String FORBIDDEN = "\"*:<>?|\\/";
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    public static String sanitize(String original, FileType type) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        name.codePoints().forEach(c -> {
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
                    || kind == Character.PRIVATE_USE || kind == Character.UNASSIGNED) {
                return;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                c = ' ';
            } else if (FORBIDDEN.indexOf(c) >= 0) {
                c = '_';
            }
            clean.appendCodePoint(c);
        });
        name = clean.toString().replaceAll(" {2,}", " ").strip().replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1) : "";
        if (!type.fits(extension.toLowerCase(Locale.ROOT))) {
            base = name;
            extension = type.extension();
        }
        if (base.isBlank()) {
            base = FALLBACK;
        }
        int room = MAX_LENGTH - extension.length() - 1;
        if (base.codePointCount(0, base.length()) > room) {
            base = base.substring(0, base.offsetByCodePoints(0, room)).strip();
        }
        return base + "." + extension;
    }
}
