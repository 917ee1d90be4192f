package cn.lianluo.common.idempotency;

import cn.lianluo.common.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Idempotency-Key} header on a create: a client that did not hear the answer (a dropped connection, a
 * gateway timeout) sends the same request with the same key again and gets the first answer — the same status, body
 * and {@code Location} — instead of a second record. Without the header a create runs as before.
 *
 * <p>A stored answer is bound to the caller (the token's subject; an anonymous citizen's request to the key alone) and
 * to a SHA-256 fingerprint of the method, the path and the body as the resource received it, so the answer is only
 * ever given again for the same request of the same caller: someone who guesses another citizen's key learns nothing
 * (a different body is a 422), and two callers' keys never meet.
 *
 * <p>Runs inside the validation of the request (an invalid body is refused before a transaction starts) and outside
 * the use case, whose own {@code @Transactional} joins the transaction {@link IdempotencyKeys#once} opens.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class IdempotencyInterceptor {

    private final IdempotencyKeys keys;
    private final HttpServerRequest request;
    private final Caller caller;
    /** Maps in a body are written in key order, so the fingerprint does not depend on the order a client sent them. */
    private final ObjectMapper canonical;

    public IdempotencyInterceptor(IdempotencyKeys keys, HttpServerRequest request, Caller caller, ObjectMapper mapper) {
        this.keys = keys;
        this.request = request;
        this.caller = caller;
        this.canonical = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String key = IdempotencyKey.parse(request.headers().getAll(IdempotencyKey.HEADER));
        if (key == null) {
            return invocation.proceed();
        }
        if (invocation.getMethod().getReturnType() != Response.class) {
            // a replay is a Response (status, Location, the stored JSON): it cannot stand in for another return type
            throw new IllegalStateException("@Idempotent needs a method that returns a Response: " + invocation.getMethod());
        }
        return keys.once(caller.isAuthenticated() ? caller.subject() : "", key, fingerprint(invocation),
                () -> (Response) invocation.proceed());
    }

    private byte[] fingerprint(InvocationContext invocation) throws Exception {
        List<Object> asked = new ArrayList<>();
        for (Object parameter : invocation.getParameters()) {
            if (!(parameter instanceof UriInfo)) {
                asked.add(parameter);
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.method().name() + ' ' + request.path() + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(canonical.writeValueAsBytes(asked));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
