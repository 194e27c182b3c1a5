package io.dashshare.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClientIpPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, 203.0.113.0",
            "203.0.113.255, 203.0.113.0",
            "10.1.2.3, 10.1.2.0",
            "0.0.0.0, 0.0.0.0",
            "2001:db8:abcd:12::1, 2001:db8:abcd::",
            "2001:0DB8:ABCD:0012:0000:0000:0000:0001, 2001:db8:abcd::",
            "2001:db8:0:1:2:3:4:5, 2001:db8::",
            "::1, ::",
            "[2001:db8:abcd:ffff::1], 2001:db8:abcd::",
            "::ffff:198.51.100.9, 198.51.100.0"})
    void truncated_keeps_the_ipv4_slash_24_and_the_ipv6_slash_48(String ip, String kept) {
        assertThat(ClientIpPolicy.TRUNCATED.apply(ip)).isEqualTo(kept);
    }

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, 203.0.113.7",
            "2001:db8:abcd:12::1, 2001:db8:abcd:12::1",
            "2001:0db8:0000:0000:0001:0000:0000:0001, 2001:db8::1:0:0:1",
            "fe80:0:0:0:1:2:3:4, fe80::1:2:3:4",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "::, ::",
            "1::, 1::",
            "::ffff:10.0.0.1, 10.0.0.1",
            "64:ff9b::192.0.2.33, 64:ff9b::c000:221"})
    void full_keeps_the_whole_address_in_its_canonical_text(String ip, String kept) {
        assertThat(ClientIpPolicy.FULL.apply(ip)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "2001:db8::1"})
    void none_keeps_nothing(String ip) {
        assertThat(ClientIpPolicy.NONE.apply(ip)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"unknown", "localhost", "example.com", "203.0.113", "1.2.3.4.5", "999.1.1.1",
            "fe80::1%eth0", "2001:db8::1::2", "dsk_abcdef0123456789", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "12345::1", "::1.2.3", "1.2.3.4::", "::g", " ", "1.2.3.-4"})
    void anything_but_an_ip_literal_is_not_kept_and_never_looked_up(String text) {
        assertThat(ClientIpPolicy.TRUNCATED.apply(text)).isNull();
        assertThat(ClientIpPolicy.FULL.apply(text)).isNull();
    }

    @Test
    void the_setting_names_the_policy_in_any_case() {
        assertThat(ClientIpPolicy.fromSetting(" Full ")).contains(ClientIpPolicy.FULL);
        assertThat(ClientIpPolicy.fromSetting("truncated")).contains(ClientIpPolicy.TRUNCATED);
        assertThat(ClientIpPolicy.fromSetting("partial")).isEmpty();
    }
}
