package cn.lianluo.cases.opendata.rest;

import cn.lianluo.cases.config.CaseClock;
import cn.lianluo.cases.opendata.service.CaseDataset;
import cn.lianluo.cases.opendata.service.ProjectDataset;
import cn.lianluo.common.opendata.DatasetFile;
import cn.lianluo.common.opendata.OpenData;
import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import cn.lianluo.common.region.RegionCodes;
import cn.lianluo.common.rest.QueryParams;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open data of case-service (开放数据): the cases and the livelihood projects, each as CSV and as JSON with its data
 * dictionary, as of the end of the previous day in China. The files are made on request from the rows recorded before
 * the cut-off (no copy is kept: a county's year is read in well under a second, and the answer is cacheable until the
 * next midnight). The gateway's catalogue (GET /api/v1/open-data) lists them.
 */
@Path("/api/v1/open-data")
@Tag(name = "open-data")
@PermitAll
public class OpenDataResource {

    private static final String CASES_TITLE = "人大代表联络站群众诉求办理情况 Citizens' cases handled through the deputy liaison stations";
    private static final String PROJECTS_TITLE = "民生实事项目票决与实施情况 Livelihood projects: votes, progress and evaluations";

    private final CaseDataset cases;
    private final ProjectDataset projects;
    private final CaseClock clock;
    private final ObjectMapper mapper;

    public OpenDataResource(CaseDataset cases, ProjectDataset projects, CaseClock clock, ObjectMapper mapper) {
        this.cases = cases;
        this.projects = projects;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** A dataset's data dictionary and licence. */
    @Schema(name = "OpenDataDictionary")
    public record Dictionary(String dataset, String title, OpenData.Licence licence, List<OpenData.Field> fields) {
    }

    @GET
    @Path("/cases.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "getCasesOpenDataCsv", summary = "Cases open data, CSV 诉求开放数据 (CSV)",
            description = "One row per case received in the year before the cut-off (00:00 Asia/Shanghai today): region "
                    + "(to the township), category, kind, channel, dates, status and outcome as of the cut-off. No personal "
                    + "data, no free text. UTF-8 with a byte-order mark; the fields are in GET /api/v1/open-data/cases/dictionary. "
                    + "Licence CC BY 4.0.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "weak: the query and the as-of day", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "the cut-off: 00:00 Asia/Shanghai of today", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified 未变化: the client's copy (If-None-Match) is this day's")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a year that has not begun")
    public Response casesCsv(@QueryParam("region") @Parameter(description = REGION) String region,
                             @QueryParam("year") @Parameter(description = "the year received (default: the year of the as-of day)") Integer year,
                             @Context Request request) {
        return casesFile(region, year, request, true);
    }

    @GET
    @Path("/cases.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCasesOpenDataJson", summary = "Cases open data, JSON 诉求开放数据 (JSON)",
            description = "The rows of the CSV as JSON objects, after the as-of day, the parameters, the licence and the data "
                    + "dictionary.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "weak: the query and the as-of day", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "the cut-off: 00:00 Asia/Shanghai of today", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseFile.class)))
    @APIResponse(responseCode = "304", description = "Not modified 未变化: the client's copy (If-None-Match) is this day's")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a year that has not begun")
    public Response casesJson(@QueryParam("region") @Parameter(description = REGION) String region,
                              @QueryParam("year") @Parameter(description = "the year received (default: the year of the as-of day)") Integer year,
                              @Context Request request) {
        return casesFile(region, year, request, false);
    }

    @GET
    @Path("/cases/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCasesOpenDataDictionary", summary = "Cases open data: data dictionary 诉求开放数据字典",
            description = "Each field of the cases files: name, type and meaning (in Chinese), and the licence.")
    public Dictionary casesDictionary() {
        return new Dictionary("cases", CASES_TITLE, OpenData.LICENCE, CaseDataset.FIELDS);
    }

    @GET
    @Path("/projects.csv")
    @Produces(OpenData.CSV)
    @Operation(operationId = "getProjectsOpenDataCsv", summary = "Livelihood projects open data, CSV 民生实事项目开放数据 (CSV)",
            description = "One row per livelihood project taken up (shortlisted or further) and proposed before the cut-off: "
                    + "title, status, vote counts, progress and evaluations as of the cut-off. UTF-8 with a byte-order mark; "
                    + "the fields are in GET /api/v1/open-data/projects/dictionary. Licence CC BY 4.0.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "weak: the query and the as-of day", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "the cut-off: 00:00 Asia/Shanghai of today", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified 未变化: the client's copy (If-None-Match) is this day's")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a year that has not begun")
    public Response projectsCsv(@QueryParam("region") @Parameter(description = REGION) String region,
                                @QueryParam("year") @Parameter(description = "the projects' year (default: every year)") Integer year,
                                @Context Request request) {
        return projectsFile(region, year, request, true);
    }

    @GET
    @Path("/projects.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProjectsOpenDataJson", summary = "Livelihood projects open data, JSON 民生实事项目开放数据 (JSON)",
            description = "The rows of the CSV as JSON objects, after the as-of day, the parameters, the licence and the data "
                    + "dictionary.")
    @APIResponse(responseCode = "200", description = "The file", headers = {@Header(name = "ETag", description = "weak: the query and the as-of day", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Last-Modified", description = "the cut-off: 00:00 Asia/Shanghai of today", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectFile.class)))
    @APIResponse(responseCode = "304", description = "Not modified 未变化: the client's copy (If-None-Match) is this day's")
    @APIResponse(responseCode = "422", description = "Unprocessable 无法处理: a year that has not begun")
    public Response projectsJson(@QueryParam("region") @Parameter(description = REGION) String region,
                                 @QueryParam("year") @Parameter(description = "the projects' year (default: every year)") Integer year,
                                 @Context Request request) {
        return projectsFile(region, year, request, false);
    }

    @GET
    @Path("/projects/dictionary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getProjectsOpenDataDictionary", summary = "Livelihood projects open data: data dictionary 民生实事项目开放数据字典",
            description = "Each field of the projects files: name, type and meaning (in Chinese), and the licence.")
    public Dictionary projectsDictionary() {
        return new Dictionary("projects", PROJECTS_TITLE, OpenData.LICENCE, ProjectDataset.FIELDS);
    }

    private static final String REGION = "行政区划代码 region code (43, 4331, 433124, 433124108…); default: every region";

    private Response casesFile(String rawRegion, Integer rawYear, Request request, boolean csv) {
        LocalDate today = clock.today();
        LocalDate asOf = OpenData.asOf(today);
        RegionCode region = RegionCodes.optional("region", rawRegion);
        int year = rawYear == null ? asOf.getYear() : year(rawYear, asOf);
        Instant cutOff = OpenData.cutOff(today);
        DatasetFile.Rows rows = sink -> cases.rows(region, year, cutOff, sink);
        return file("cases", CASES_TITLE, CaseDataset.FIELDS, region, year, rows, today, request, csv);
    }

    private Response projectsFile(String rawRegion, Integer rawYear, Request request, boolean csv) {
        LocalDate today = clock.today();
        LocalDate asOf = OpenData.asOf(today);
        RegionCode region = RegionCodes.optional("region", rawRegion);
        Integer year = rawYear == null ? null : year(rawYear, asOf);
        Instant cutOff = OpenData.cutOff(today);
        DatasetFile.Rows rows = sink -> projects.rows(region, year, cutOff, sink);
        return file("projects", PROJECTS_TITLE, ProjectDataset.FIELDS, region, year, rows, today, request, csv);
    }

    private Response file(String dataset, String title, List<OpenData.Field> fields, RegionCode region, Integer year,
                          DatasetFile.Rows rows, LocalDate today, Request request, boolean csv) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("region", region == null ? null : region.value());
        parameters.put("year", year);
        String query = dataset + (csv ? ".csv" : ".json") + "?" + parameters;
        String filename = csv ? "lianluo-" + dataset + (region == null ? "" : "-" + region.value()) + (year == null ? "" : "-" + year)
                + "-" + OpenData.asOf(today) + ".csv" : null;
        return OpenData.file(request, today, clock.now(), query, csv ? OpenData.CSV : MediaType.APPLICATION_JSON, filename,
                csv ? DatasetFile.csv(fields, rows)
                        : DatasetFile.json(mapper, new DatasetFile.Header(dataset, title, OpenData.asOf(today), parameters), fields, rows));
    }

    private static int year(int year, LocalDate asOf) {
        if (year < QueryParams.FIRST_YEAR || year > QueryParams.LAST_YEAR) {
            throw ProblemException.invalid("year", "'" + year + "' is not a year between " + QueryParams.FIRST_YEAR + " and " + QueryParams.LAST_YEAR);
        }
        if (year > asOf.getYear()) {
            throw ProblemException.unprocessable("year-not-begun", "year", "the files are as of " + asOf + ": " + year + " has no data yet");
        }
        return year;
    }

    // the shapes of the JSON files, for the OpenAPI document (the files themselves are written as they are read)

    @Schema(name = "OpenDataFileParameters")
    public record Parameters(@Schema(nullable = true) String region, @Schema(nullable = true) Integer year) {
    }

    @Schema(name = "CaseOpenDataRow", description = "One case: see the data dictionary")
    public record CaseRow(String id, String regionCode, String category, String kind, String channel, LocalDate receivedDate,
                          String status, @Schema(nullable = true) String stage, @Schema(nullable = true) LocalDate dueDate,
                          boolean answeredOnTheSpot, @Schema(nullable = true) LocalDate closedDate,
                          @Schema(nullable = true) Boolean closedOnTime, @Schema(nullable = true) String satisfaction) {
    }

    @Schema(name = "CaseOpenDataFile")
    public record CaseFile(String dataset, String title, LocalDate asOf, Parameters parameters, OpenData.Licence licence,
                           List<OpenData.Field> dictionary, List<CaseRow> items) {
    }

    @Schema(name = "ProjectOpenDataRow", description = "One livelihood project: see the data dictionary")
    public record ProjectRow(String id, String regionCode, int year, String title, String status,
                             @Schema(nullable = true) Integer votesFor, @Schema(nullable = true) Integer votesAgainst,
                             @Schema(nullable = true) Integer votesAbstain, int progress, LocalDate proposedDate,
                             @Schema(nullable = true) LocalDate completedDate, int evaluations, int evaluationsSatisfied,
                             @Schema(nullable = true) Double satisfactionRate) {
    }

    @Schema(name = "ProjectOpenDataFile")
    public record ProjectFile(String dataset, String title, LocalDate asOf, Parameters parameters, OpenData.Licence licence,
                              List<OpenData.Field> dictionary, List<ProjectRow> items) {
    }
}
