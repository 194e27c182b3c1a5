package io.dashshare.domain.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        if (this == NONE || ip == null) {
            return null;
        }
        String text = ip.trim();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty() || text.length() > MAX_LITERAL) {
            return null;
        }
        byte[] bytes = text.contains(":") ? ipv6(text) : ipv4(text);
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 16 && isMappedIpv4(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        if (this == TRUNCATED) {
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
        }
        return bytes.length == 16 ? ipv6Text(bytes) : ipv4Text(bytes);
    }

    /*
     * Parsed by hand: the domain has no libraries, and the JDK's only parser (InetAddress) is also
     * a resolver, which an address taken from a request must never reach.
     */

    /** A dotted quad of decimal parts 0-255, or null. */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** RFC 4291 text: eight groups of 1-4 hex digits, one {@code ::} at most, a dotted-quad tail allowed; or null. */
    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        List<Integer> head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
        List<Integer> tail = gap >= 0 ? groups(text.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return null;
        }
        int missing = 8 - head.size() - tail.size();
        if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
            return null;
        }
        byte[] bytes = new byte[16];
        int at = 0;
        for (int group : head) {
            bytes[at++] = (byte) (group >> 8);
            bytes[at++] = (byte) group;
        }
        at += gap >= 0 ? 2 * missing : 0;
        for (int group : tail) {
            bytes[at++] = (byte) (group >> 8);
            bytes[at++] = (byte) group;
        }
        return bytes;
    }

    /** The 16-bit groups of one side of {@code ::}; a dotted quad may end the last side. Null if malformed. */
    private static List<Integer> groups(String side, boolean last) {
        List<Integer> groups = new ArrayList<>();
        if (side.isEmpty()) {
            return groups;
        }
        String[] parts = side.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (last && i == parts.length - 1 && part.contains(".")) {
                byte[] quad = ipv4(part);
                if (quad == null) {
                    return null;
                }
                groups.add(((quad[0] & 0xff) << 8) | (quad[1] & 0xff));
                groups.add(((quad[2] & 0xff) << 8) | (quad[3] & 0xff));
            } else if (part.matches("[0-9A-Fa-f]{1,4}")) {
                groups.add(Integer.parseInt(part, 16));
            } else {
                return null;
            }
        }
        return groups;
    }

    /** {@code ::ffff:a.b.c.d}: an IPv4 client seen through a dual-stack socket. */
    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
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
