package cn.lianluo.gateway.proxy;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final long START = 1_790_000_000_000L;

    private final AtomicLong now = new AtomicLong(START);
    private final List<String> checked = new ArrayList<>();
    /** The issuer's view: a token's text is "ok:<expiry in epoch seconds>" or anything else, which it refuses. */
    private final VerifiedTokens tokens = new VerifiedTokens(raw -> {
        checked.add(raw);
        if (!raw.startsWith("ok:")) {
            throw new ParseException("not signed by the issuer");
        }
        long exp = Long.parseLong(raw.substring(3));
        if (exp * 1000 <= now.get()) {
            throw new ParseException("expired");
        }
        return token(exp);
    }, 3, Duration.ofMinutes(1), () -> TimeUnit.MILLISECONDS.toNanos(now.get()), now::get);

    @Test
    void a_token_used_again_within_the_minute_is_checked_once() throws ParseException {
        String raw = "ok:" + (START / 1000 + 300);
        JsonWebToken first = tokens.verify(raw);
        now.addAndGet(30_000);
        assertThat(tokens.verify(raw)).isSameAs(first);
        assertThat(checked).containsExactly(raw);
    }

    @Test
    void a_kept_token_is_checked_again_after_the_minute() throws ParseException {
        String raw = "ok:" + (START / 1000 + 300);
        tokens.verify(raw);
        now.addAndGet(61_000);
        tokens.verify(raw);
        assertThat(checked).containsExactly(raw, raw);
    }

    @Test
    void a_kept_token_past_its_expiry_is_refused() throws ParseException {
        String raw = "ok:" + (START / 1000 + 20);
        tokens.verify(raw);
        now.addAndGet(20_000);
        assertThatThrownBy(() -> tokens.verify(raw)).isInstanceOf(ParseException.class).hasMessage("expired");
        assertThat(checked).containsExactly(raw, raw);
    }

    @Test
    void a_refused_token_is_not_kept() {
        assertThatThrownBy(() -> tokens.verify("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.verify("forged")).isInstanceOf(ParseException.class);
        assertThat(checked).containsExactly("forged", "forged");
    }

    @Test
    void a_token_differing_in_one_byte_is_checked_on_its_own() throws ParseException {
        String raw = "ok:" + (START / 1000 + 300);
        tokens.verify(raw);
        String altered = "ok:" + (START / 1000 + 301);
        assertThat(tokens.verify(altered).getExpirationTime()).isEqualTo(START / 1000 + 301);
        assertThat(checked).containsExactly(raw, altered);
    }

    @Test
    void a_token_naming_no_expiry_is_checked_every_time() throws ParseException {
        VerifiedTokens lax = new VerifiedTokens(raw -> {
            checked.add(raw);
            return token(null);
        }, 3, Duration.ofMinutes(1), () -> 0L, now::get);
        lax.verify("no-exp");
        lax.verify("no-exp");
        assertThat(checked).containsExactly("no-exp", "no-exp");
    }

    /** A token carrying only its expiry, as the issuer's parser would give it. */
    private static JsonWebToken token(Long exp) {
        Map<String, Object> claims = new java.util.HashMap<>(Map.of("sub", "staff"));
        if (exp != null) {
            claims.put("exp", exp);
        }
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "staff";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
