package cn.lianluo.station.rest;

import cn.lianluo.common.opendata.DatasetFile;
import cn.lianluo.common.opendata.OpenData;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.time.Zones;
import cn.lianluo.station.service.StationDataset;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stations' open data (联络站开放数据), as CSV and as JSON with its data dictionary, as of the end of the previous day
 * in China: made on request from the stations registered before the cut-off. The gateway's catalogue lists it.
 */
@Path("/api/v1/open-data")
@Tag(name = "open-data")
@PermitAll
public class OpenDataResource {

    private static final String TITLE = "人大代表联络站名录及“六有”达标情况 Deputy liaison stations and their 六有 standard";
    private static final String REGION = "行政区划代码 region code (43, 4331, 433124, 433124108…); default: every region";

    private final StationDataset stations;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.system(Zones.CHINA);

    public OpenDataResource(StationDataset stations, ObjectMapper mapper) {
        this.stations = stations;
        this.mapper = mapper;
    }

    @Schema(name = "OpenDataDictionary")
    public record Dictionary(String dataset, String title, OpenData.Licence licence, List<OpenData.Field> fields) {
    }

    @GET
    @Path("/stations.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "getStationsOpenDataCsv", summary = "Stations open data, CSV 联络站开放数据 (CSV)",
            description = "One row per station registered before the cut-off (00:00 Asia/Shanghai today): name, type, region, "
                    + "address, location and the 六有 items. No contact person or phone. UTF-8 with a byte-order mark; the "
                    + "fields are in GET /api/v1/open-data/stations/dictionary. Licence CC BY 4.0.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "weak: the query and the as-of day", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "the cut-off: 00:00 Asia/Shanghai of today", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified 未变化: the client's copy (If-None-Match) is this day's")
    public Response csv(@QueryParam("region") @Parameter(description = REGION) String region, @Context Request request) {
        return file(region, request, true);
    }

    @GET
    @Path("/stations.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStationsOpenDataJson", summary = "Stations open data, JSON 联络站开放数据 (JSON)",
            description = "The rows of the CSV as JSON objects, after the as-of day, the parameters, the licence and the data "
                    + "dictionary.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "weak: the query and the as-of day", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "the cut-off: 00:00 Asia/Shanghai of today", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StationFile.class)))
    @APIResponse(responseCode = "304", description = "Not modified 未变化: the client's copy (If-None-Match) is this day's")
    public Response json(@QueryParam("region") @Parameter(description = REGION) String region, @Context Request request) {
        return file(region, request, false);
    }

    @GET
    @Path("/stations/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStationsOpenDataDictionary", summary = "Stations open data: data dictionary 联络站开放数据字典",
            description = "Each field of the stations files: name, type and meaning (in Chinese), and the licence.")
    public Dictionary dictionary() {
        return new Dictionary("stations", TITLE, OpenData.LICENCE, StationDataset.FIELDS);
    }

    private Response file(String rawRegion, Request request, boolean csv) {
        RegionCode region = RegionCodes.optional("region", rawRegion);
        LocalDate today = LocalDate.now(clock);
        Instant cutOff = OpenData.cutOff(today);
        DatasetFile.Rows rows = sink -> stations.rows(region, cutOff, sink);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("region", region == null ? null : region.value());
        String query = "stations" + (csv ? ".csv" : ".json") + "?" + parameters;
        String filename = csv ? "lianluo-stations" + (region == null ? "" : "-" + region.value()) + "-" + OpenData.asOf(today) + ".csv" : null;
        return OpenData.file(request, today, clock.instant(), query, csv ? OpenData.CSV : MediaType.APPLICATION_JSON, filename,
                csv ? DatasetFile.csv(StationDataset.FIELDS, rows)
                        : DatasetFile.json(mapper, new DatasetFile.Header("stations", TITLE, OpenData.asOf(today), parameters),
                        StationDataset.FIELDS, rows));
    }

    // the shape of the JSON file, for the OpenAPI document (the file itself is written as it is read)

    @Schema(name = "StationOpenDataParameters")
    public record Parameters(@Schema(nullable = true) String region) {
    }

    @Schema(name = "StationOpenDataRow", description = "One station: see the data dictionary")
    public record StationRow(String id, String name, String type, String regionCode, @Schema(nullable = true) String regionName,
                             @Schema(nullable = true) String address,
                             @Schema(nullable = true, description = "GCJ-02 degrees (高德/腾讯 maps)") Double latitude,
                             @Schema(nullable = true, description = "GCJ-02 degrees (高德/腾讯 maps)") Double longitude,
                             boolean standardMet, boolean hasSite, boolean hasSign,
                             boolean hasRules, boolean hasStaff, boolean hasActivities, boolean hasRecords,
                             @Schema(nullable = true) LocalDate standardAssessedDate, LocalDate createdDate) {
    }

    @Schema(name = "StationOpenDataFile")
    public record StationFile(String dataset, String title, LocalDate asOf, Parameters parameters, OpenData.Licence licence,
                              List<OpenData.Field> dictionary, List<StationRow> items) {
    }
}
