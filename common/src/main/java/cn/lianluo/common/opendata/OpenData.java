package cn.lianluo.common.opendata;

import cn.lianluo.common.time.Zones;

import jakarta.ws.rs.core.EntityTag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * What every open-data file of the platform shares: the licence, the daily cut-off and the HTTP answer that carries a
 * file. A file is "as of" the end of the previous day in China: it holds what was recorded before 00:00 Asia/Shanghai
 * of today, so every replica and every request of a day gives the same rows, and a client may keep a file until the
 * next midnight.
 */
public final class OpenData {

    public static final String LICENCE_NAME = "CC BY 4.0";
    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
    public static final String LICENCE_STATEMENT = "本数据集以知识共享署名 4.0 国际许可协议 (CC BY 4.0) 开放:可自由复制、分发、改编和商用,"
            + "须注明来源“联络平台 Lianluo”。Released under the Creative Commons Attribution 4.0 International licence "
            + "(CC BY 4.0): free to copy, share, adapt and use commercially, crediting the source \"Lianluo\".";

    public static final String CSV = "text/csv; charset=UTF-8";

    /** One column of a dataset, as the data dictionary (数据字典) describes it. */
    @Schema(name = "OpenDataField", description = "数据字典: a field of a dataset")
    public record Field(String name, @Schema(description = "string, integer, number, boolean or date (YYYY-MM-DD)") String type,
                        @Schema(description = "what it means, in Chinese") String meaning) {
    }

    /** The licence as the JSON files state it. */
    @Schema(name = "OpenDataLicence", description = "The licence of the open data (CC BY 4.0)")
    public record Licence(String name, String url, String statement) {
    }

    public static final Licence LICENCE = new Licence(LICENCE_NAME, LICENCE_URL, LICENCE_STATEMENT);

    private OpenData() {
    }

    /** The day the files of {@code today} are as of: yesterday, in China. */
    public static LocalDate asOf(LocalDate today) {
        return today.minusDays(1);
    }

    /** The instant the files of {@code today} stop at: today's 00:00 in China (the end of the day they are as of). */
    public static Instant cutOff(LocalDate today) {
        return today.atStartOfDay(Zones.CHINA).toInstant();
    }

    /**
     * The answer carrying a file made on {@code today} for {@code query} (the dataset, the format and its parameters):
     * a weak ETag of the query and the as-of day (the rows of a past day change only when staff correct one, so two
     * answers of a day are equivalent, not byte-identical promises), Last-Modified at the cut-off, kept until the next
     * cut-off; a 304 when the client already has it.
     */
    public static Response file(Request request, LocalDate today, Instant now, String query, String mediaType,
                                String filename, StreamingOutput body) {
        Instant cutOff = cutOff(today);
        EntityTag tag = new EntityTag(hash(query + "@" + asOf(today)), true);
        long maxAge = Math.max(0, Duration.between(now, cutOff(today.plusDays(1))).toSeconds());
        Response.ResponseBuilder builder = request.evaluatePreconditions(Date.from(cutOff), tag);
        if (builder == null) {
            builder = Response.ok(body, mediaType);
            if (filename != null) {
                builder.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
            }
        }
        return builder.tag(tag).lastModified(Date.from(cutOff)).header("Cache-Control", "public, max-age=" + maxAge).build();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the fields, in order: the CSV's header row. */
    public static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).toList();
    }
}
