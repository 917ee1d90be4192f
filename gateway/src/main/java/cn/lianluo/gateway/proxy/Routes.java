package cn.lianluo.gateway.proxy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which service owns a path of the public API, which paths are public, and which are rate limited (DESIGN §4, §9). */
public final class Routes {

    public enum Service { STATION, DEPUTY, CASE, SCORING }

    private record Rule(String method, Pattern path) {
        /** HEAD is GET without the body: public, and limited, wherever GET is. */
        boolean matches(String m, String p) {
            String asked = "HEAD".equals(m) ? "GET" : m;
            return (method == null || method.equals(asked)) && path.matcher(p).matches();
        }
    }

    private static final String ID = "[^/]+";
    private static final String OPEN_DATA = "/api/v1/open-data";
    private static final String DATASET = "(cases|projects|stations)";
    /** Files of cases: a citizen's photo is uploaded before the case is submitted. */
    static final String UPLOAD = "/api/v1/files";
    /** 六有 evidence of a station's item: staff's uploads, as large as a case's files (never public). */
    private static final Pattern EVIDENCE_UPLOAD = Pattern.compile("/api/v1/stations/" + ID + "/standard/" + ID + "/evidence");

    private static final List<Rule> PUBLIC = List.of(
            new Rule("GET", Pattern.compile("/api/v1/regions(/.*)?")),
            new Rule("GET", Pattern.compile("/api/v1/stations(/statistics)?")),
            new Rule("GET", Pattern.compile("/api/v1/stations/" + ID + "(/reception-days)?")),
            new Rule("GET", Pattern.compile("/api/v1/deputies/roster")),
            new Rule("GET", Pattern.compile("/api/v1/cases/categories")),
            new Rule("GET", Pattern.compile("/api/v1/cases/public-statistics")),
            new Rule("GET", Pattern.compile(OPEN_DATA + "(/" + DATASET + "(\\.csv|\\.json|/dictionary))?")),
            new Rule("GET", Pattern.compile("/api/v1/cases/track/" + ID)),
            new Rule("POST", Pattern.compile("/api/v1/cases")),
            new Rule("POST", Pattern.compile("/api/v1/cases/track/" + ID + "/rating")),
            new Rule("POST", Pattern.compile(UPLOAD)),
            new Rule("GET", Pattern.compile("/api/v1/calendar/" + ID)),
            new Rule("POST", Pattern.compile("/api/v1/livelihood-projects")),
            new Rule("GET", Pattern.compile("/api/v1/livelihood-projects(/" + ID + "(/evaluations)?)?")),
            new Rule("POST", Pattern.compile("/api/v1/livelihood-projects/" + ID + "/evaluations")),
            new Rule("GET", Pattern.compile("/api/v1/events/asyncapi\\.yaml")));

    private static final List<Rule> LIMITED = List.of(
            new Rule("POST", Pattern.compile("/api/v1/cases")),
            new Rule("GET", Pattern.compile("/api/v1/cases/track/" + ID)),
            new Rule("POST", Pattern.compile("/api/v1/cases/track/" + ID + "/rating")),
            new Rule("POST", Pattern.compile(UPLOAD)),
            new Rule("POST", Pattern.compile("/api/v1/livelihood-projects(/" + ID + "/evaluations)?")));

    /** Paths the gateway answers itself. */
    private static final List<Rule> OWN = List.of(
            new Rule(null, Pattern.compile("/api/v1/overview/.*")),
            new Rule(null, Pattern.compile(OPEN_DATA)),
            new Rule(null, Pattern.compile("/api/v1/deputies/" + ID + "/dossier")),
            new Rule(null, Pattern.compile("/api/v1/events/asyncapi\\.yaml")));

    private Routes() {
    }

    public static boolean isPublic(String method, String path) {
        return PUBLIC.stream().anyMatch(r -> r.matches(method, path)) && !path.equals("/api/v1/livelihood-projects/statistics");
    }

    public static boolean isRateLimited(String method, String path) {
        return LIMITED.stream().anyMatch(r -> r.matches(method, path));
    }

    /**
     * An upload (a case's file, a station's 六有 evidence): a body up to {@code lianluo.gateway.max-upload-bytes},
     * streamed to its service, never read here.
     */
    public static boolean isUpload(String method, String path) {
        return "POST".equals(method) && (UPLOAD.equals(path) || EVIDENCE_UPLOAD.matcher(path).matches());
    }

    public static boolean isOwn(String method, String path) {
        return OWN.stream().anyMatch(r -> r.matches(method, path));
    }

    public static Optional<Service> owner(String path) {
        String[] parts = path.split("/");
        if (parts.length < 4 || !"api".equals(parts[1]) || !"v1".equals(parts[2])) {
            return Optional.empty();
        }
        return switch (parts[3]) {
            case "regions", "stations", "activities" -> Optional.of(Service.STATION);
            case "deputies", "groups" -> Optional.of(Service.DEPUTY);
            case "cases", "files", "units", "calendar", "deadline-policies", "suggestions", "livelihood-projects", "moderation" ->
                    Optional.of(Service.CASE);
            case "points" -> Optional.of(Service.SCORING);
            // the catalogue is the gateway's own; each dataset's files are its owner's
            case "open-data" -> parts.length < 5 ? Optional.empty()
                    : parts[4].startsWith("stations") ? Optional.of(Service.STATION)
                    : parts[4].startsWith("cases") || parts[4].startsWith("projects") ? Optional.of(Service.CASE)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
