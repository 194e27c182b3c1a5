package io.dashshare.adapter.http.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client address used for throttling (docs/security.md#codes-8): the socket peer, unless the peer is one
 * of {@code sharing.http.trusted-proxies} (addresses or CIDR blocks), in which case the nearest
 * {@code X-Forwarded-For} hop that is not itself a trusted proxy. A forged header from anyone else
 * is never read.
 */
@Singleton
public final class ClientAddresses {

    private final List<Block> trusted;

    public ClientAddresses(@Value("${sharing.http.trusted-proxies:}") List<String> trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies == null ? List.<String>of() : trustedProxies) {
            if (entry != null && !entry.isBlank()) {
                blocks.add(Block.parse(entry.trim()));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(b -> b.contains(address));
    }

    /** Only IP literals: a hostname in the header must not trigger a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String entry) {
            String[] parts = entry.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() ->
                    new IllegalArgumentException("sharing.http.trusted-proxies: not an IP address or CIDR block: " + entry));
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("sharing.http.trusted-proxies: bad prefix in " + entry);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefix;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }
    }
}
