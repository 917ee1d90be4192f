package cn.lianluo.gateway.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the staff console signs people in (GET /console/config.json tells the console; the console's
 * Content-Security-Policy lets it talk to that origin). A county points it at its own Keycloak or government SSO with
 * {@code LIANLUO_CONSOLE_OIDC_AUTHORITY} and {@code LIANLUO_CONSOLE_OIDC_CLIENT_ID}.
 */
@ConfigMapping(prefix = "lianluo.console")
public interface ConsoleConfig {

    /** The OpenID provider's issuer URL (its discovery document is under it). */
    @WithDefault("http://127.0.0.1:8180/realms/lianluo")
    String oidcAuthority();

    /** The console's public client (authorization code with PKCE). */
    @WithDefault("lianluo-console")
    String oidcClientId();
}
