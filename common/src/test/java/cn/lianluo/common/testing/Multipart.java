package cn.lianluo.common.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Upload bodies for the services' tests (case files, 六有 evidence). */
public final class Multipart {

    private Multipart() {
    }

    /**
     * A multipart/form-data body as a browser sends it: each part's name, file name (UTF-8; null for a plain field),
     * type (null: none) and bytes. REST Assured's own multipart writes a file name in US-ASCII.
     */
    public static byte[] body(String boundary, List<String[]> parts, List<byte[]> contents) {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            String[] p = parts.get(i);
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + "\r\n"
                    + (p[2] == null ? "" : "Content-Type: " + p[2] + "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(contents.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
