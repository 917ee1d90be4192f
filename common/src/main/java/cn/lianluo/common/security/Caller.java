package cn.lianluo.common.security;

import cn.lianluo.common.problem.ProblemException;
import cn.lianluo.common.region.RegionCode;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The authenticated caller and its region scope (DESIGN §4): a caller sees and changes only what lies
 * inside the {@code region} claim of its token.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public boolean isAuthenticated() {
        return token != null && token.getName() != null;
    }

    public String subject() {
        requireAuthenticated();
        return token.getName();
    }

    /** The token's {@code sub}: the account's id at the identity provider, which a rename does not change. */
    public String accountId() {
        requireAuthenticated();
        return token.getSubject() == null ? token.getName() : token.getSubject();
    }

    /** The person's name as the identity provider gives it (the {@code name} claim: 张敏), when it does. */
    public Optional<String> displayName() {
        return claim("name").filter(n -> !n.isBlank());
    }

    public boolean hasRole(String role) {
        return isAuthenticated() && token.getGroups().contains(role);
    }

    /** The caller's role that acts, the broadest first (a token may carry several). */
    public String primaryRole() {
        for (String role : java.util.List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.STATION_STAFF, Roles.HANDLER, Roles.DEPUTY)) {
            if (hasRole(role)) {
                return role;
            }
        }
        return "UNKNOWN";
    }

    /** The caller's region; a token without a valid {@code region} claim is not accepted. */
    public RegionCode region() {
        requireAuthenticated();
        Object claim = token.getClaim("region");
        if (claim == null || !RegionCode.isValid(claim.toString())) {
            throw new ProblemException(401, "unauthorized", "Unauthorized 未登录或令牌无效",
                    "the token has no valid region claim");
        }
        return RegionCode.of(claim.toString());
    }

    public Optional<String> deputyId() {
        return claim("deputyId");
    }

    public Optional<String> unitId() {
        return claim("unitId");
    }

    /** A grid worker's (网格员) grid: station staff of a township whose token names the grid (网格) they serve. */
    public Optional<String> gridId() {
        return claim("gridId").filter(g -> !g.isBlank());
    }

    /** 403 unless {@code target} lies inside the caller's region. */
    public void requireWithin(RegionCode target) {
        RegionCode scope = region();
        if (!scope.contains(target)) {
            throw ProblemException.forbidden("region " + target + " lies outside your scope " + scope);
        }
    }

    public boolean covers(RegionCode target) {
        return isAuthenticated() && region().contains(target);
    }

    /**
     * The region a list is filtered to: the requested one when it lies inside the caller's scope, the
     * caller's own when none is requested; a request outside scope is 403 (it is never silently widened).
     */
    public RegionCode listScope(RegionCode requested) {
        if (requested == null) {
            return region();
        }
        requireWithin(requested);
        return requested;
    }

    private Optional<String> claim(String name) {
        if (!isAuthenticated()) {
            return Optional.empty();
        }
        Object value = token.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }

    private void requireAuthenticated() {
        if (!isAuthenticated()) {
            throw new UnauthorizedException();
        }
    }
}
