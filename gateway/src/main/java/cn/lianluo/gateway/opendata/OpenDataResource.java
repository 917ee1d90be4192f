package cn.lianluo.gateway.opendata;

import cn.lianluo.common.opendata.OpenData;
import cn.lianluo.common.time.Zones;
import cn.lianluo.gateway.config.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 开放数据目录: the catalogue of the daily datasets (DESIGN §9). The gateway owns only the catalogue; each file is
 * served by the service that owns its rows and routed there like any other path (Routes: /api/v1/open-data/cases… and
 * …/projects… to case-service, …/stations… to station-service), so a large file streams from its service through the
 * proxy and the gateway neither holds nor re-models it. The catalogue itself is fixed text, the links and the as-of day.
 */
@Path("/api/v1/open-data")
@Tag(name = "open-data")
public class OpenDataResource {

    static final String MEDIA_TYPE = "application/ld+json";

    /** The day the platform first published its open data. */
    static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);

    private static final String DAILY = "http://purl.org/cld/freq/daily";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    /** The datasets, each with its path under /api/v1/open-data, titles, description and keywords. */
    private record Entry(String id, String zhTitle, String enTitle, String zhDescription, String enDescription, List<String> keywords) {
    }

    private static final List<Entry> DATASETS = List.of(
            new Entry("cases", "人大代表联络站群众诉求办理情况", "Citizens' cases handled through the deputy liaison stations",
                    "每件群众诉求一行:所属乡镇、分类、类型、受理渠道、受理日期、截至数据日期的办理状态、环节期限、办结日期、是否按时办结和满意度。"
                            + "不含任何个人信息和诉求原文。默认文件为数据日期所在年度的全部地区;可加参数 ?region=行政区划代码&year=年度。",
                    "One row per case: township, category, kind, channel, date received, status, stage due date, closed date, "
                            + "closed on time and satisfaction as of the cut-off. No personal data and no free text. The listed "
                            + "files are the as-of year for every region; add ?region=<code>&year=<year> to narrow them.",
                    List.of("群众诉求", "五环五时", "办结率", "满意度")),
            new Entry("stations", "人大代表联络站名录及“六有”达标情况", "Deputy liaison stations and their 六有 standard",
                    "每个联络站一行:名称、类型、所在地区、地址、经纬度、“六有”各项及是否达标。不含联系人及电话。可加参数 ?region=行政区划代码。",
                    "One row per station: name, type, region, address, location and each of the six 六有 items. No contact "
                            + "person or phone. Add ?region=<code> to narrow it.",
                    List.of("人大代表联络站", "六有", "代表之家")),
            new Entry("projects", "民生实事项目票决与实施情况", "Livelihood projects: votes, progress and evaluations",
                    "每个已入围的民生实事项目一行:地区、年度、名称、状态、赞成/反对/弃权票数、实施进度、群众评效果份数及满意率。不公开投票人。"
                            + "可加参数 ?region=行政区划代码&year=年度。",
                    "One row per livelihood project shortlisted or further: region, year, title, status, vote counts (not "
                            + "who voted how), progress and evaluations. Add ?region=<code>&year=<year> to narrow it.",
                    List.of("民生实事", "票决制", "群众评效果")));

    private final GatewayConfig config;
    private final Clock clock = Clock.system(Zones.CHINA);

    public OpenDataResource(GatewayConfig config) {
        this.config = config;
    }

    @GET
    @PermitAll
    @Produces(MEDIA_TYPE)
    @Operation(operationId = "getOpenDataCatalogue", summary = "Open data catalogue 开放数据目录",
            description = "The daily anonymised datasets — cases, stations, livelihood projects — as a DCAT catalogue in "
                    + "JSON-LD: each dataset with its CSV and JSON distributions (accessURL, downloadURL, mediaType), its data "
                    + "dictionary (dct:conformsTo), licence (CC BY 4.0), publisher, issued and modified dates, and asOf: the "
                    + "files hold what was recorded up to the end of that day (Asia/Shanghai).")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(implementation = Catalogue.class)))
    public Response catalogue(@Context UriInfo uri) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = OpenData.asOf(today);
        String base = uri.getBaseUriBuilder().path("api/v1/open-data").build().toString();
        Catalogue.Agent publisher = new Catalogue.Agent("foaf:Agent", config.openDataPublisher());
        List<Catalogue.Dataset> datasets = new ArrayList<>();
        for (Entry e : DATASETS) {
            String dictionary = base + "/" + e.id() + "/dictionary";
            List<Catalogue.Distribution> distributions = new ArrayList<>();
            for (String format : List.of("CSV", "JSON")) {
                String url = base + "/" + e.id() + "." + format.toLowerCase();
                distributions.add(new Catalogue.Distribution("dcat:Distribution",
                        texts(e.zhTitle() + " (" + format + ")", e.enTitle() + " (" + format + ")"), format,
                        IANA + (format.equals("CSV") ? "text/csv" : "application/json"), url, url, OpenData.LICENCE_URL, dictionary));
            }
            datasets.add(new Catalogue.Dataset(base + "#" + e.id(), "dcat:Dataset", e.id(), texts(e.zhTitle(), e.enTitle()),
                    texts(e.zhDescription(), e.enDescription()),
                    e.keywords().stream().map(k -> new Catalogue.Text("zh", k)).toList(),
                    publisher, OpenData.LICENCE_URL, ISSUED, asOf, DAILY, dictionary, distributions));
        }
        Catalogue catalogue = new Catalogue(context(), base, "dcat:Catalog",
                texts("联络平台开放数据", "Lianluo open data"),
                texts("人大代表联络站平台每日更新的匿名化开放数据:群众诉求办理、联络站、民生实事项目。数据截至前一日 24 时(北京时间)。",
                        "The deputy liaison platform's anonymised open data, renewed daily: citizens' cases, stations and "
                                + "livelihood projects, as of the end of the previous day (Asia/Shanghai)."),
                publisher, OpenData.LICENCE_URL, OpenData.LICENCE_STATEMENT, List.of("zh"), ISSUED, asOf, asOf, datasets);
        return Response.ok(catalogue, MEDIA_TYPE).header("Cache-Control", "public, max-age=300").build();
    }

    private static List<Catalogue.Text> texts(String zh, String en) {
        return List.of(new Catalogue.Text("zh", zh), new Catalogue.Text("en", en));
    }

    private static Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        Map<String, String> date = Map.of("@type", "xsd:date");
        Map<String, String> link = Map.of("@type", "@id");
        context.put("dct:issued", date);
        context.put("dct:modified", date);
        context.put("asOf", Map.of("@id", "https://lianluo.cn/ns/open-data#asOf", "@type", "xsd:date"));
        for (String term : List.of("dct:license", "dct:conformsTo", "dct:accrualPeriodicity", "dcat:mediaType",
                "dcat:accessURL", "dcat:downloadURL")) {
            context.put(term, link);
        }
        return context;
    }
}
