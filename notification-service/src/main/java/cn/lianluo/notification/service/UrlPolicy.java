package cn.lianluo.notification.service;

import cn.lianluo.notification.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where webhooks may be sent: {@code https:} URLs on port 443 only (plain {@code http:} and any port when
 * {@code lianluo.notify.webhooks.allow-http}), and never to an address inside the platform's own networks — every
 * address the host resolves to is checked (loopback, private, link-local such as the cloud metadata 169.254.169.254,
 * carrier-grade NAT, unique-local IPv6, multicast, unspecified, and an IPv4 address carried inside an IPv6 one: mapped,
 * compatible, NAT64 64:ff9b::/96, 6to4; Teredo 2001::/32 whatever it carries) unless
 * {@code lianluo.notify.webhooks.allow-private}.
 * Checked when a subscription is made and again immediately before each delivery (a name may resolve elsewhere later).
 * <p>
 * DNS rebinding: the JDK HttpClient resolves the host itself and takes no resolver of ours, so the address it connects
 * to cannot be pinned to the one checked here. What holds instead: the check just before sending resolves through the
 * JVM's address cache ({@code networkaddress.cache.ttl}, 30 s by default), which the client's own lookup a moment later
 * reads, and every address of the answer must pass, so the client picks among checked addresses. The residual risk is a
 * cache entry running out in that moment (or a JVM run with the cache off); docs/notifications.md says so.
 */
@ApplicationScoped
public class UrlPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivate;

    @Inject
    public UrlPolicy(WebhookConfig config) {
        this(config.allowHttp(), config.allowPrivate());
    }

    UrlPolicy(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
    }

    /** Why the URL is refused, or empty when it is acceptable. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "only http: and https: URLs" : "only https: URLs are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("the URL must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("the URL must not carry a fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + uri.getHost() + " does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (internal(address)) {
                    return Optional.of("the host resolves to " + address.getHostAddress()
                            + ", an internal address (loopback, private, link-local or reserved)");
                }
            }
        }
        // in production only the port of https: — a receiver is a web server, not a database or a mail server
        // reached by a webhook; with allow-http (dev, ./suite up) a receiver on any local port is fine
        if (!allowHttp && uri.getPort() != -1 && uri.getPort() != 443) {
            return Optional.of("only port 443 is accepted, not " + uri.getPort());
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return internalV4(b, 0);
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc // unique local fc00::/7
                    || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) // site-local fec0::/10 (deprecated)
                    || (b[0] & 0xff) == 0x01 && zeros(b, 1, 7)) { // discard-only 100::/64
                return true;
            }
            // an IPv4 address inside an IPv6 one reaches that IPv4 address: IPv4-mapped ::ffff:0:0/96 (which the JDK
            // mostly turns into an Inet4Address itself), IPv4-compatible ::/96, NAT64 64:ff9b::/96 — each checked
            // as the IPv4 address it carries; the local-use NAT64 prefix 64:ff9b:1::/48 is internal as a whole
            boolean mapped = zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeros(b, 0, 12);
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (nat64 && (b[4] & 0xff) == 0 && (b[5] & 0xff) == 1) {
                return true;
            }
            if (mapped || compatible || nat64 && zeros(b, 4, 8)) {
                return internalV4(b, 12);
            }
            // Teredo 2001::/32 tunnels to an IPv4 address (the client's, obfuscated in the last 32 bits, and the
            // server's): refused as a whole, no receiver needs it
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
                return true;
            }
            // 6to4 2002::/16 carries an IPv4 address in its next 32 bits
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return internalV4(b, 2);
            }
        }
        return false;
    }

    /** The IPv4 address at {@code b[at..at+3]}: whether it is one no webhook may reach. */
    private static boolean internalV4(byte[] b, int at) {
        int first = b[at] & 0xff;
        int second = b[at + 1] & 0xff;
        int third = b[at + 2] & 0xff;
        return first == 0 // "this network"
                || first == 10 // private
                || first == 127 // loopback
                || (first == 169 && second == 254) // link-local, the cloud metadata service
                || (first == 172 && second >= 16 && second < 32) // private
                || (first == 192 && second == 168) // private
                || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64.0.0/10
                || (first == 192 && second == 0 && third == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 224; // multicast, reserved and broadcast
    }

    private static boolean zeros(byte[] b, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
