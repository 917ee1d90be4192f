package cn.lianluo.common.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A dataset written as it is read, row by row, as CSV or as JSON: the service hands its rows to a {@link Sink}
 * (inside its own transaction, so a large file never sits in memory). Both formats carry the same rows in the order of
 * the data dictionary's fields.
 */
public final class DatasetFile {

    /** Where a dataset's rows go, one at a time, with the values in the order of the fields. */
    public interface Sink {
        void row(Object... values);
    }

    /** The rows of a dataset, handed to a sink. */
    public interface Rows {
        void into(Sink sink);
    }

    /** What a JSON file says about itself before its rows. */
    public record Header(String dataset, String title, LocalDate asOf, Map<String, Object> parameters) {
    }

    private DatasetFile() {
    }

    /**
     * UTF-8 with a byte-order mark (so Excel opens the Chinese as Chinese), a header row of the field names, CRLF line
     * ends (RFC 4180). A text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
     */
    public static StreamingOutput csv(List<OpenData.Field> fields, Rows rows) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writeCsvRow(writer, OpenData.names(fields).toArray());
            try {
                rows.into(values -> {
                    try {
                        writeCsvRow(writer, values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
    }

    /** {@code {dataset, title, asOf, parameters, licence, dictionary, items:[{field: value…}]}}. */
    public static StreamingOutput json(ObjectMapper mapper, Header header, List<OpenData.Field> fields, Rows rows) {
        return out -> {
            JsonGenerator json = mapper.getFactory().createGenerator(out);
            json.writeStartObject();
            json.writeStringField("dataset", header.dataset());
            json.writeStringField("title", header.title());
            json.writeStringField("asOf", header.asOf().toString());
            json.writeObjectField("parameters", header.parameters());
            json.writeObjectField("licence", OpenData.LICENCE);
            json.writeObjectField("dictionary", fields);
            json.writeArrayFieldStart("items");
            try {
                rows.into(values -> {
                    try {
                        json.writeStartObject();
                        for (int i = 0; i < fields.size(); i++) {
                            json.writeFieldName(fields.get(i).name());
                            writeJsonValue(json, values[i]);
                        }
                        json.writeEndObject();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
        };
    }

    private static void writeCsvRow(Writer writer, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvCell(values[i]));
        }
        writer.write("\r\n");
    }

    static String csvCell(Object value) {
        Object plain = plain(value);
        if (plain == null) {
            return "";
        }
        String text = plain.toString();
        if (plain instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static void writeJsonValue(JsonGenerator json, Object value) throws IOException {
        Object plain = plain(value);
        if (plain == null) {
            json.writeNull();
        } else if (plain instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (plain instanceof Integer || plain instanceof Long || plain instanceof Short) {
            json.writeNumber(((Number) plain).longValue());
        } else if (plain instanceof Number n) {
            json.writeNumber(n.doubleValue());
        } else {
            json.writeString(plain.toString());
        }
    }

    /** A value as the files write it: dates as ISO days, identifiers and texts as strings. */
    private static Object plain(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof java.util.UUID || value instanceof Enum<?> || value instanceof Character) {
            return value.toString();
        }
        return value;
    }
}
