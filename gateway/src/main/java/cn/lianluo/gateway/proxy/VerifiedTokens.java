package cn.lianluo.gateway.proxy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The bearer tokens this gateway verified in the last minute. A signed-in person's console or phone sends the same
 * token with every request, and checking its signature and reading its claims took 45–85 µs each time (jose4j, warm,
 * this project's 2,048-bit dev key) of the gateway's 250 µs of CPU per request. A token that passed is kept under its
 * whole text, so one changed byte is another key and checked anew. A kept token is checked anew once it is past its
 * expiry (and refused then) or after {@code maxAge}, so a key the issuer has rotated out stops counting within that
 * time. A refused token is never kept. The services still verify every token they get.
 */
final class VerifiedTokens {

    /** The full check of a token: signature, issuer, expiry. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String raw) throws ParseException;
    }

    private final Verifier verifier;
    private final LongSupplier epochMillis;
    private final Cache<String, JsonWebToken> verified;

    VerifiedTokens(Verifier verifier, int maximumSize, Duration maxAge, Ticker ticker, LongSupplier epochMillis) {
        this.verifier = verifier;
        this.epochMillis = epochMillis;
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(maxAge).ticker(ticker).build();
    }

    /** A verified token, checked now or within {@code maxAge} and not expired since; a ParseException if it fails. */
    JsonWebToken verify(String raw) throws ParseException {
        JsonWebToken known = verified.getIfPresent(raw);
        if (known != null && unexpired(known)) {
            return known;
        }
        verified.invalidate(raw);
        JsonWebToken token = verifier.verify(raw);
        if (unexpired(token)) {
            verified.put(raw, token);
        }
        return token;
    }

    /** Whether a token names an expiry still ahead (one that names none is checked every time). */
    private boolean unexpired(JsonWebToken token) {
        return token.getClaim(Claims.exp.name()) instanceof Number exp && exp.longValue() * 1000 > epochMillis.getAsLong();
    }
}
