package cn.lianluo.cases.files.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Request and response models of the files API. */
public final class FileDtos {

    private FileDtos() {
    }

    @Schema(name = "UploadedFile", description = "A stored file: name it in a case's attachments as {fileId: id}.")
    public record UploadedFile(UUID id,
                               @Schema(description = "the sender's file name, sanitized (no folders, no control "
                                       + "characters, at most 100 characters, an extension that fits the type)") String name,
                               @Schema(description = "the type the file's first bytes show", enumeration = {"image/jpeg",
                                       "image/png", "image/webp", "image/heic", "application/pdf"}) String contentType,
                               @Schema(description = "bytes") long size) {
    }
}
