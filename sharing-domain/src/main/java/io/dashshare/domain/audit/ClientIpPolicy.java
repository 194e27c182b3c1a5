package io.dashshare.domain.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * What the audit log keeps of a client address ({@code SHARING_AUDIT_CLIENT_IP}, docs/api.md):
 * {@code truncated} (default: IPv4 to its /24, IPv6 to its /48), {@code full} or {@code none}.
 */
public enum ClientIpPolicy {
    TRUNCATED, FULL, NONE;

    /** Longest text an IP literal can have (an IPv6 address with an embedded IPv4 one). */
    private static final int MAX_LITERAL = 45;

    public static Optional<ClientIpPolicy> fromSetting(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The address as the event keeps it: null under {@code none}, and null for anything that is
     * not an IP literal (a hostname is never resolved, and text of unknown shape is not kept).
     * IPv4 {@code 203.0.113.7} truncates to {@code 203.0.113.0}, IPv6 {@code 2001:db8:abcd:12::1}
     * to {@code 2001:db8:abcd::}; an IPv4-mapped IPv6 address is treated as the IPv4 address.
     */
    public String apply(String ip) {
        if (this == NONE) {
            return null;
        }
        Optional<InetAddress> parsed = literal(ip);
        if (parsed.isEmpty()) {
            return null;
        }
        byte[] bytes = parsed.get().getAddress();
        if (this == TRUNCATED) {
            int keep = parsed.get() instanceof Inet4Address ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
        }
        return parsed.get() instanceof Inet6Address ? ipv6Text(bytes) : ipv4Text(bytes);
    }

    /**
     * Only literals reach {@link InetAddress#getByName}, which then parses without a DNS lookup;
     * hand-checked because the JDK has no parse-only API and the domain has no libraries.
     */
    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (candidate.isEmpty() || candidate.length() > MAX_LITERAL || !candidate.matches("[0-9A-Fa-f:.]+")
                || (!candidate.contains(":") && !candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String ipv4Text(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    private static String ipv6Text(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
