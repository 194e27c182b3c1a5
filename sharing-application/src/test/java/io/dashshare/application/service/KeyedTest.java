package io.dashshare.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeyedTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 1);
        Arrays.fill(OTHER_KEY, (byte) 2);
    }

    @Test
    void keys_shorter_than_256_bits_are_refused() {
        assertThatThrownBy(() -> new Keyed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Keyed(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_digest_is_hex_sha256_sized_deterministic_and_depends_on_key_and_every_part() {
        Keyed keyed = new Keyed(KEY);
        String digest = keyed.hmacHex("otp", "challenge", "12345678");

        assertThat(digest).matches("[0-9a-f]{64}").isEqualTo(keyed.hmacHex("otp", "challenge", "12345678"));
        assertThat(digest).isNotEqualTo(new Keyed(OTHER_KEY).hmacHex("otp", "challenge", "12345678"));
        assertThat(digest).isNotEqualTo(keyed.hmacHex("otp", "challenge", "12345679"));
        assertThat(keyed.hmacHex("ab", "c")).as("parts are separated, not concatenated")
                .isNotEqualTo(keyed.hmacHex("a", "bc"));
    }

    @Test
    void the_key_is_copied_so_the_caller_cannot_change_it_afterwards() {
        byte[] key = KEY.clone();
        Keyed keyed = new Keyed(key);
        String before = keyed.hmacHex("x");
        Arrays.fill(key, (byte) 9);

        assertThat(keyed.hmacHex("x")).isEqualTo(before);
    }

    @Test
    void derived_keys_are_256_bits_and_independent_per_purpose() {
        byte[] a = Keyed.derive(KEY, "share-access-jwt");
        byte[] b = Keyed.derive(KEY, "one-time-code-hmac");

        assertThat(a).hasSize(32).isNotEqualTo(b).isEqualTo(Keyed.derive(KEY, "share-access-jwt"));
        assertThat(Keyed.derive(OTHER_KEY, "share-access-jwt")).isNotEqualTo(a);
    }

    @Test
    void digests_compare_by_content_whatever_their_length() {
        assertThat(Keyed.sameDigest("abcd", new String("abcd"))).isTrue();
        assertThat(Keyed.sameDigest("abcd", "abce")).isFalse();
        assertThat(Keyed.sameDigest("abcd", "abc")).isFalse();
        assertThat(Keyed.sameDigest("", "")).isTrue();
    }

    /**
     * Timing cannot be measured reliably in a unit test, so this reads the code instead: secrets
     * are compared with MessageDigest.isEqual (constant time), never with equals. Token signatures
     * are no longer compared here: adapter-crypto's NimbusTokenSigner leaves that to nimbus's
     * MACVerifier, which compares in constant time (NimbusTokenSignerTest reads that code).
     */
    @Test
    void secrets_are_compared_in_constant_time() throws IOException {
        Path main = Path.of("src/main/java/io/dashshare/application");
        String keyed = Files.readString(main.resolve("service/Keyed.java"));
        String auth = Files.readString(main.resolve("service/VerifyCodeService.java"));

        assertThat(keyed).contains("MessageDigest.isEqual(");
        assertThat(auth).contains("Keyed.sameDigest(");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> offending = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                            .filter(line -> line.contains("codeHash()") && line.contains(".equals("))
                            .map(line -> p + ": " + line.strip());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(offending).isEmpty();
        }
    }
}
