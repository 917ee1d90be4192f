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
 * Where webhooks may be sent: {@code https:} URLs only (plain {@code http:} when
 * {@code lianluo.notify.webhooks.allow-http}), and never to an address inside the platform's own networks — every
 * address the host resolves to is checked (loopback, private, link-local such as the cloud metadata 169.254.169.254,
 * carrier-grade NAT, unique-local IPv6, multicast, unspecified) unless {@code lianluo.notify.webhooks.allow-private}.
 * Checked when a subscription is made and again before each delivery (a name may resolve elsewhere later).
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
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64.0.0/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            // unique local fc00::/7; an IPv4-mapped address is checked as its IPv4 address by the JDK already
            return (b[0] & 0xfe) == 0xfc;
        }
        return false;
    }
}
