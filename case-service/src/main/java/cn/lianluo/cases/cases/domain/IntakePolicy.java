package cn.lianluo.cases.cases.domain;

import cn.lianluo.common.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a write may carry, by who writes it. A citizen without a token sets only what a citizen knows: the channel is
 * {@code ONLINE} (a claim of a reception, hotline or visit is staff's), urgency and the station are staff's triage
 * (case-service keeps no copy of the stations, so it cannot check a station id a citizen names). An attachment is a
 * link staff will open: {@code https:} to a public host only, never a script, inline data, plain http or an address
 * inside the county's network.
 */
public final class IntakePolicy {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hosts written as numbers in another form (2130706433, 0x7f.1, 127.1): browsers read them as addresses. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("[0-9.]+|0x[0-9a-f.x]*|[0-9a-fx.]*\\.0x[0-9a-f]*");

    private IntakePolicy() {
    }

    /** The channel of a new case: a citizen's own is ONLINE; staff say where they took it in (default RECEPTION). */
    public static Channel channel(Channel requested, boolean staff) {
        if (staff) {
            return requested == null ? Channel.RECEPTION : requested;
        }
        if (requested != null && requested != Channel.ONLINE) {
            throw ProblemException.unprocessable("staff-only-field", "channel",
                    "a citizen's own submission is ONLINE; " + requested + " is recorded by the staff who took the case in");
        }
        return Channel.ONLINE;
    }

    /** Urgency and the station are set by staff (or the deputy) taking the case in, not by an anonymous caller. */
    public static void requireStaffFor(boolean staff, Boolean urgent, Object stationId) {
        if (staff) {
            return;
        }
        if (Boolean.TRUE.equals(urgent)) {
            throw ProblemException.unprocessable("staff-only-field", "urgent",
                    "urgency shortens the handling time to the same day and is decided by the staff who triage the case");
        }
        if (stationId != null) {
            throw ProblemException.unprocessable("staff-only-field", "stationId",
                    "the station is named by the staff or deputy who take the case in; a citizen's case goes to its region");
        }
    }

    /** @param field the field named in the problem, e.g. {@code attachments[0].url} */
    public static void requireSafeUrl(String url, String field) {
        if (url == null || url.isBlank()) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw unsafe(field, "is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw unsafe(field, "must be an https: link (not " + (uri.getScheme() == null ? "a relative path" : uri.getScheme() + ":") + ")");
        }
        if (uri.getRawUserInfo() != null) {
            throw unsafe(field, "must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw unsafe(field, "must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
            throw unsafe(field, "must not point at this machine or the local network");
        }
        if (host.startsWith("[")) {
            if (!publicIpv6(host.substring(1, host.length() - 1))) {
                throw unsafe(field, "must not point at a loopback, link-local or private address");
            }
            return;
        }
        var quad = DOTTED_QUAD.matcher(host);
        if (quad.matches()) {
            int[] b = new int[4];
            for (int i = 0; i < 4; i++) {
                b[i] = Integer.parseInt(quad.group(i + 1));
                if (b[i] > 255 || quad.group(i + 1).length() > 1 && quad.group(i + 1).startsWith("0")) {
                    throw unsafe(field, "has an address that is not written as four decimal numbers");
                }
            }
            if (!publicIpv4(b)) {
                throw unsafe(field, "must not point at a loopback, link-local or private address");
            }
            return;
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            throw unsafe(field, "has an address that is not written as four decimal numbers");
        }
    }

    static boolean publicIpv4(int[] b) {
        return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || b[0] == 169 && b[1] == 254
                || b[0] == 172 && b[1] >= 16 && b[1] <= 31
                || b[0] == 192 && b[1] == 168
                || b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    /** An IPv6 literal (parsed, never looked up): no loopback, unspecified, link-local, unique-local, multicast or mapped IPv4. */
    static boolean publicIpv6(String address) {
        if (address.indexOf(':') < 0 || address.indexOf('%') >= 0) {
            return false;
        }
        java.net.InetAddress ip;
        try {
            ip = java.net.InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
        if (!(ip instanceof java.net.Inet6Address)) {
            return false; // an IPv4 address in IPv6 clothes (::ffff:…): refused rather than decoded
        }
        byte[] b = ip.getAddress();
        boolean embeddedV4 = true;
        for (int i = 0; i < 10; i++) {
            embeddedV4 &= b[i] == 0;
        }
        return !(ip.isLoopbackAddress() || ip.isAnyLocalAddress() || ip.isLinkLocalAddress() || ip.isSiteLocalAddress()
                || ip.isMulticastAddress() || (b[0] & 0xfe) == 0xfc || embeddedV4);
    }

    private static ProblemException unsafe(String field, String why) {
        return ProblemException.unprocessable("unsafe-url", field, "the attachment's URL " + why);
    }
}
