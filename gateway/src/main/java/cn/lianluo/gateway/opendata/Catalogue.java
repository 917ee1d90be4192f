package cn.lianluo.gateway.opendata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The open-data catalogue as JSON-LD in the DCAT vocabulary (dcat:Catalog → dcat:Dataset → dcat:Distribution, with
 * Dublin Core terms), the shape DCAT-AP portals and the Chinese open-data platforms that read DCAT import. The
 * {@code @context} types the dates (xsd:date) and the links (@id), so the values stay plain JSON strings.
 */
@Schema(name = "OpenDataCatalogue", description = "开放数据目录: a dcat:Catalog in JSON-LD")
@JsonPropertyOrder({"@context", "@id", "@type"})
public record Catalogue(
        @JsonProperty("@context") @Schema(description = "the JSON-LD context: prefixes and the types of the dates and links")
        Map<String, Object> context,
        @JsonProperty("@id") String id,
        @JsonProperty("@type") @Schema(enumeration = "dcat:Catalog") String type,
        @JsonProperty("dct:title") List<Text> title,
        @JsonProperty("dct:description") List<Text> description,
        @JsonProperty("dct:publisher") Agent publisher,
        @JsonProperty("dct:license") @Schema(description = "the licence's IRI (CC BY 4.0)") String license,
        @JsonProperty("dct:rights") @Schema(description = "the licence statement, in Chinese and English") String rights,
        @JsonProperty("dct:language") List<String> language,
        @JsonProperty("dct:issued") LocalDate issued,
        @JsonProperty("dct:modified") LocalDate modified,
        @JsonProperty("asOf") @Schema(description = "the files hold what was recorded up to the end of this day (Asia/Shanghai)")
        LocalDate asOf,
        @JsonProperty("dcat:dataset") List<Dataset> datasets) {

    /** A text in one language. */
    @Schema(name = "OpenDataText")
    public record Text(@JsonProperty("@language") String language, @JsonProperty("@value") String value) {
    }

    @Schema(name = "OpenDataAgent")
    public record Agent(@JsonProperty("@type") @Schema(enumeration = "foaf:Agent") String type,
                        @JsonProperty("foaf:name") String name) {
    }

    @Schema(name = "OpenDataDataset", description = "a dcat:Dataset: one of the daily files, in two formats")
    @JsonPropertyOrder({"@id", "@type"})
    public record Dataset(
            @JsonProperty("@id") String id,
            @JsonProperty("@type") @Schema(enumeration = "dcat:Dataset") String type,
            @JsonProperty("dct:identifier") @Schema(enumeration = {"cases", "stations", "projects"}) String identifier,
            @JsonProperty("dct:title") List<Text> title,
            @JsonProperty("dct:description") List<Text> description,
            @JsonProperty("dcat:keyword") List<Text> keyword,
            @JsonProperty("dct:publisher") Agent publisher,
            @JsonProperty("dct:license") String license,
            @JsonProperty("dct:issued") LocalDate issued,
            @JsonProperty("dct:modified") LocalDate modified,
            @JsonProperty("dct:accrualPeriodicity") @Schema(description = "daily") String accrualPeriodicity,
            @JsonProperty("dct:conformsTo") @Schema(description = "the data dictionary (数据字典): each field's name, type and meaning")
            String conformsTo,
            @JsonProperty("dcat:distribution") List<Distribution> distributions) {
    }

    @Schema(name = "OpenDataDistribution", description = "a dcat:Distribution: the dataset in one format")
    @JsonPropertyOrder({"@type"})
    public record Distribution(
            @JsonProperty("@type") @Schema(enumeration = "dcat:Distribution") String type,
            @JsonProperty("dct:title") List<Text> title,
            @JsonProperty("dct:format") @Schema(enumeration = {"CSV", "JSON"}) String format,
            @JsonProperty("dcat:mediaType") @Schema(description = "the IANA media type's IRI") String mediaType,
            @JsonProperty("dcat:accessURL") String accessURL,
            @JsonProperty("dcat:downloadURL") String downloadURL,
            @JsonProperty("dct:license") String license,
            @JsonProperty("dct:conformsTo") String conformsTo) {
    }
}
