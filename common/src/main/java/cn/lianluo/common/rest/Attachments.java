package cn.lianluo.common.rest;

import cn.lianluo.common.files.Uploads;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The answer that sends a stored upload (a case's file, a station's 六有 evidence) to the person who may read it. */
public final class Attachments {

    private Attachments() {
    }

    /** The bytes with the type read from them at upload, as an attachment under the stored name, run by nothing. */
    public static Response of(byte[] content, String contentType, String name) {
        return Response.ok(content, contentType)
                .header(HttpHeaders.CONTENT_LENGTH, content.length)
                .header("Content-Disposition", Uploads.contentDisposition(name))
                .header("X-Content-Type-Options", "nosniff")
                // opened on its own in a browser, the file runs nothing and reaches nothing
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }
}
