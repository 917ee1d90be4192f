package cn.lianluo.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Token verification as SmallRye does it (signature, audience, expiry, lifetime at most {@code smallrye.jwt.time-to-live}),
 * plus two checks of our own:
 * <ul>
 *   <li>the issuer is one of {@code lianluo.jwt.issuers} (SmallRye compares with one issuer only; the local suite
 *       accepts its own tokens, issuer {@code lianluo}, and its Keycloak realm's, and a county may move from one
 *       issuer to another without a moment where one of them is refused);</li>
 *   <li>a token issued in the future (beyond the clock skew of {@code mp.jwt.verify.clock.skew}) is refused: such a
 *       token would outlive its lifetime bound by however far ahead its {@code iat} was put.</li>
 * </ul>
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class AcceptedTokens extends JWTCallerPrincipalFactory {

    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();
    private final Set<String> issuers;

    public AcceptedTokens(@ConfigProperty(name = "lianluo.jwt.issuers") List<String> issuers) {
        this.issuers = issuers.stream().map(String::trim).filter(issuer -> !issuer.isEmpty()).collect(Collectors.toUnmodifiableSet());
        if (this.issuers.isEmpty()) {
            throw new IllegalStateException("lianluo.jwt.issuers (JWT_ISSUERS) names no issuer: every token would be refused");
        }
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal = verifier.parse(token, context);
        if (principal.getIssuer() == null || !issuers.contains(principal.getIssuer())) {
            throw new ParseException("the token's issuer " + principal.getIssuer() + " is not one of " + issuers);
        }
        long now = System.currentTimeMillis() / 1000;
        if (principal.getIssuedAtTime() > now + Math.max(context.getClockSkew(), 0)) {
            throw new ParseException("the token's iat " + principal.getIssuedAtTime() + " lies in the future");
        }
        return principal;
    }
}
