package cn.lianluo.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * Token verification as SmallRye does it (signature, issuer, audience, expiry, lifetime at most
 * {@code smallrye.jwt.time-to-live}), plus the one check it leaves out: a token issued in the future (beyond the clock
 * skew of {@code mp.jwt.verify.clock.skew}) is refused. Such a token would outlive its lifetime bound by however far
 * ahead its {@code iat} was put.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedNotInFuture extends JWTCallerPrincipalFactory {

    private final DefaultJWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long now = System.currentTimeMillis() / 1000;
        if (principal.getIssuedAtTime() > now + Math.max(context.getClockSkew(), 0)) {
            throw new ParseException("the token's iat " + principal.getIssuedAtTime() + " lies in the future");
        }
        return principal;
    }
}
