package cn.lianluo.gateway.proxy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Which service owns a path of the public API, which paths are public, and which are rate limited (DESIGN §4, §9). */
public final class Routes {

    public enum Service { STATION, DEPUTY, CASE, SCORING, NOTIFICATION }

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
    /**
     * Export jobs, one door for both kinds: a request goes to the service its body's {@code kind} names, a job's path
     * to the service its id's prefix names ({@code deputy-roll-…}, {@code points-…}); each service has them under its
     * own first segment ({@code /api/v1/deputies/exports}, {@code /api/v1/points/exports}).
     */
    static final String EXPORTS = "/api/v1/exports";
    private static final String DEAD_LETTERS = "/api/v1/dead-letters";
    private static final String NOTIFICATION_OPT_OUT = "/api/v1/notifications/opt-out";
    private static final String BOOKING = "/api/v1/stations/" + ID + "/slots/" + ID + "/appointments";
    private static final String APPOINTMENT_CANCEL = "/api/v1/appointments/cancel";
    private static final String REPORT_BY_CODE = "/api/v1/activities/by-code/" + ID;

    private static final List<Rule> PUBLIC = List.of(
            new Rule("GET", Pattern.compile("/api/v1/regions(/.*)?")),
            new Rule("GET", Pattern.compile("/api/v1/stations(/statistics)?")),
            new Rule("GET", Pattern.compile("/api/v1/stations/" + ID + "(/reception-days)?")),
            // 代表有约: a citizen sees a station's slots, books one and cancels with the code, all without an account
            new Rule("GET", Pattern.compile("/api/v1/stations/" + ID + "/slots")),
            new Rule("POST", Pattern.compile(BOOKING)),
            new Rule("POST", Pattern.compile(APPOINTMENT_CANCEL)),
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
            // 立法意见征集: open drafts, their approved comments, a citizen's comment
            new Rule("GET", Pattern.compile("/api/v1/draft-laws(/" + ID + "(/comments)?)?")),
            new Rule("POST", Pattern.compile("/api/v1/draft-laws/" + ID + "/comments")),
            new Rule("GET", Pattern.compile("/api/v1/events/asyncapi\\.yaml")),
            // 述职评议: a voter opens a report by its assessment code and assesses it, without signing in
            new Rule("GET", Pattern.compile(REPORT_BY_CODE)),
            new Rule("POST", Pattern.compile(REPORT_BY_CODE + "/assessments")),
            // a citizen stops the SMS of their case with its tracking code and phone
            new Rule("POST", Pattern.compile(NOTIFICATION_OPT_OUT)));

    /** A rate-limited route and the name it is counted by ({@code lianluo_rate_limit_refusals_total{route}}). */
    private record Limited(String route, Rule rule) {
        Limited(String method, String route, String path) {
            this(method + " " + route, new Rule(method, Pattern.compile(path)));
        }
    }

    private static final List<Limited> LIMITED = List.of(
            new Limited("POST", "/api/v1/stations/{id}/slots/{slot}/appointments", BOOKING),
            new Limited("POST", APPOINTMENT_CANCEL, APPOINTMENT_CANCEL),
            new Limited("POST", NOTIFICATION_OPT_OUT, NOTIFICATION_OPT_OUT),
            new Limited("POST", "/api/v1/cases", "/api/v1/cases"),
            new Limited("GET", "/api/v1/cases/track/{code}", "/api/v1/cases/track/" + ID),
            new Limited("POST", "/api/v1/cases/track/{code}/rating", "/api/v1/cases/track/" + ID + "/rating"),
            new Limited("POST", UPLOAD, UPLOAD),
            new Limited("POST", "/api/v1/livelihood-projects", "/api/v1/livelihood-projects(/" + ID + "/evaluations)?"),
            new Limited("POST", "/api/v1/activities/by-code/{code}/assessments", REPORT_BY_CODE + "/assessments"),
            new Limited("POST", "/api/v1/draft-laws/{id}/comments", "/api/v1/draft-laws/" + ID + "/comments"));

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
        return limitedRoute(method, path).isPresent();
    }

    /** The name a rate-limited request's route is counted by, e.g. {@code POST /api/v1/cases}; empty when not limited. */
    public static Optional<String> limitedRoute(String method, String path) {
        return LIMITED.stream().filter(l -> l.rule().matches(method, path)).map(Limited::route).findFirst();
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

    /** A request for an export job: its body's kind decides the service ({@link #exportOwner}). */
    public static boolean isExportStart(String method, String path) {
        return "POST".equals(method) && EXPORTS.equals(path);
    }

    /** The service that exports {@code kind}: deputy-roll the deputies', points the scoring's. */
    public static Optional<Service> exportOwner(String kind) {
        return switch (kind == null ? "" : kind) {
            case "deputy-roll" -> Optional.of(Service.DEPUTY);
            case "points" -> Optional.of(Service.SCORING);
            default -> Optional.empty();
        };
    }

    /** The URI at the service: {@code /api/v1/exports…} under the service's own segment, any other as it is. */
    public static String serviceUri(Service service, String uri) {
        boolean exports = uri.equals(EXPORTS) || uri.startsWith(EXPORTS + "/") || uri.startsWith(EXPORTS + "?");
        if (!exports || (service != Service.DEPUTY && service != Service.SCORING)) {
            return uri;
        }
        return "/api/v1/" + (service == Service.DEPUTY ? "deputies" : "points") + "/exports" + uri.substring(EXPORTS.length());
    }

    /** A path of the services' dead letters, {@code /api/v1/dead-letters/{service}/…}, whether it names a service or not. */
    public static boolean isDeadLetters(String path) {
        return path.startsWith(DEAD_LETTERS + "/");
    }

    /** The service of {@code /api/v1/dead-letters/{service}/…}: station, deputy, case, scoring or notification. */
    private static Optional<Service> deadLetterOwner(String service) {
        return Arrays.stream(Service.values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(service))
                .findFirst();
    }

    public static Optional<Service> owner(String path) {
        String[] parts = path.split("/");
        if (parts.length < 4 || !"api".equals(parts[1]) || !"v1".equals(parts[2])) {
            return Optional.empty();
        }
        return switch (parts[3]) {
            case "regions", "stations", "activities", "appointments" -> Optional.of(Service.STATION);
            case "deputies", "groups" -> Optional.of(Service.DEPUTY);
            case "cases", "files", "units", "calendar", "deadline-policies", "suggestions", "livelihood-projects", "moderation", "draft-laws" ->
                    Optional.of(Service.CASE);
            case "points" -> Optional.of(Service.SCORING);
            case "notifications", "webhooks", "inbox" -> Optional.of(Service.NOTIFICATION);
            // each consuming service has its own dead letters, under its short name
            case "dead-letters" -> parts.length < 5 ? Optional.empty() : deadLetterOwner(parts[4]);
            // a job's id begins with its kind
            case "exports" -> parts.length < 5 ? Optional.empty()
                    : parts[4].startsWith("deputy-roll-") ? Optional.of(Service.DEPUTY)
                    : parts[4].startsWith("points-") ? Optional.of(Service.SCORING)
                    : Optional.empty();
            // the catalogue is the gateway's own; each dataset's files are its owner's
            case "open-data" -> parts.length < 5 ? Optional.empty()
                    : parts[4].startsWith("stations") ? Optional.of(Service.STATION)
                    : parts[4].startsWith("cases") || parts[4].startsWith("projects") ? Optional.of(Service.CASE)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }
}
