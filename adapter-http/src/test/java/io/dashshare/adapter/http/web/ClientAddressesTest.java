package io.dashshare.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    private static HttpRequest<?> from(String peer, String... forwardedFor) {
        MutableHttpRequest<?> request = new io.micronaut.http.simple.SimpleHttpRequest<>(io.micronaut.http.HttpMethod.POST,
                "/api/v1/share-auth/request", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 40000);
            }
        };
        for (String hop : forwardedFor) {
            request.header("X-Forwarded-For", hop);
        }
        return request;
    }

    @Test
    void without_trusted_proxies_a_forged_forwarded_for_is_ignored() {
        ClientAddresses addresses = new ClientAddresses(List.of());
        assertThat(addresses.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void a_peer_that_is_not_a_trusted_proxy_is_the_client_even_with_the_header() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(addresses.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behind_a_trusted_proxy_the_nearest_untrusted_hop_is_the_client() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.10"));
        assertThat(addresses.of(from("10.1.2.3", "203.0.113.66, 198.51.100.9, 192.0.2.10"))).isEqualTo("198.51.100.9");
    }

    @Test
    void a_trusted_proxy_with_a_non_address_hop_stops_at_the_last_address() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.1"));
        assertThat(addresses.of(from("10.0.0.1", "evil.example.com"))).isEqualTo("10.0.0.1");
    }

    @Test
    void a_malformed_trusted_proxy_entry_fails_at_startup() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("not-an-ip")))
                .hasMessageContaining("sharing.http.trusted-proxies");
    }
}
