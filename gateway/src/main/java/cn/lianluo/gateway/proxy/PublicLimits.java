package cn.lianluo.gateway.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the public limits apply to, and the phone key of a request. Tracking and rating are a citizen's acts: a token
 * changes nothing there. Taking a case in (or a project proposal) with the token of staff or a deputy is intake at a
 * reception, accountable to the account, and not limited as the public is. The phone is read from the query
 * (tracking) or the JSON body (citizen.phone of a submission, phone of a rating); on tracking and rating it is
 * counted together with the code, so wrong lookups of other codes with someone's phone never lock that person out
 * of their own case (case-service locks a code after 5 wrong phones).
 */
final class PublicLimits {

    /** The most of a public write the gateway reads to find the phone; a case is a few KiB. */
    static final int MAX_PUBLIC_BODY = 1024 * 1024;

    private static final Set<String> INTAKE_ROLES = Set.of("ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY");
    /** Whoever signs in may upload a file for their work (a unit's proof of handling, too) without the public's limit. */
    private static final Set<String> UPLOAD_ROLES = Set.of("ADMIN", "SUPERVISOR", "STATION_STAFF", "DEPUTY", "HANDLER");
    private static final Pattern TRACKING = Pattern.compile("/api/v1/cases/track/([^/]+)(/rating)?");
    private static final Pattern EVALUATION = Pattern.compile("/api/v1/livelihood-projects/([^/]+)/evaluations");

    private PublicLimits() {
    }

    /** A submission by staff or a deputy (a verified token) is intake, not a public write; so is an upload with a token. */
    static boolean staffIntake(JsonWebToken token, String method, String path) {
        if (token == null || !"POST".equals(method)) {
            return false;
        }
        Set<String> roles = path.equals("/api/v1/cases") || path.equals("/api/v1/livelihood-projects") ? INTAKE_ROLES
                : Routes.isUpload(method, path) ? UPLOAD_ROLES : Set.of();
        Set<String> groups = token.getGroups();
        return groups != null && groups.stream().anyMatch(roles::contains);
    }

    /** The key the phone of this request is counted under, if it names one. */
    static Optional<String> phoneKey(String path, String queryPhone, byte[] body, ObjectMapper mapper) {
        String phone = queryPhone;
        if (phone == null && body != null && body.length > 0) {
            try {
                JsonNode json = mapper.readTree(body);
                JsonNode p = json == null ? null : json.has("citizen") ? json.path("citizen").path("phone") : json.path("phone");
                phone = p != null && p.isTextual() ? p.asText() : null;
            } catch (IOException e) {
                phone = null; // not JSON: case-service refuses it; the address limit still counted it
            }
        }
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        String normalised = phone.replaceAll("[\\s-]", "");
        Matcher tracking = TRACKING.matcher(path);
        if (tracking.matches()) {
            return Optional.of("phone:" + normalised + "@" + tracking.group(1).strip().toUpperCase(Locale.ROOT));
        }
        Matcher evaluation = EVALUATION.matcher(path);
        if (evaluation.matches()) {
            return Optional.of("phone:" + normalised + "@" + evaluation.group(1));
        }
        return Optional.of("phone:" + normalised);
    }
}
