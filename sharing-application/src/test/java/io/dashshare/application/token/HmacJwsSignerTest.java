package io.dashshare.application.token;

import static io.dashshare.application.testing.HandMadeJws.b64;
import static io.dashshare.application.testing.HandMadeJws.hs256;
import static io.dashshare.application.testing.SharingAssertions.failsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dashshare.application.testing.HandMadeJws;
import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.TokenSigner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HmacJwsSignerTest {

    private static final String TYPE = "test+jwt";
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Function<String, Optional<byte[]>> KEYS = kid -> "k1".equals(kid)
            ? Optional.of(KEY) : Optional.empty();

    private final HmacJwsSigner signer = new HmacJwsSigner();

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "someone");
        claims.put("n", 42L);
        claims.put("list", List.of("a", "b"));
        return claims;
    }

    @Test
    void what_it_signs_it_verifies_with_the_same_claims() {
        String token = signer.sign(TYPE, "k1", KEY, claims());

        TokenSigner.Verified verified = signer.verify(token, TYPE, KEYS);

        assertThat(verified.keyId()).isEqualTo("k1");
        assertThat(verified.claims()).containsEntry("sub", "someone").containsEntry("n", new BigDecimal("42"))
                .containsEntry("list", List.of("a", "b"));
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(StrictJson.parse(header)).isEqualTo(Map.of("alg", "HS256", "typ", TYPE, "kid", "k1"));
    }

    @Test
    void the_expected_type_is_required() {
        String token = signer.sign(TYPE, "k1", KEY, claims());

        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(token, "other+jwt", KEYS));
    }

    @Test
    void an_unknown_kid_is_refused_and_no_key_is_looked_up_for_a_wrong_algorithm() {
        List<String> lookedUp = new ArrayList<>();
        Function<String, Optional<byte[]>> recording = kid -> {
            lookedUp.add(kid);
            return KEYS.apply(kid);
        };

        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(signer.sign(TYPE, "k2", KEY, claims()), TYPE, recording));
        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(
                hs256("{\"alg\":\"none\",\"typ\":\"" + TYPE + "\",\"kid\":\"k1\"}", "{}", KEY), TYPE, recording));

        assertThat(lookedUp).containsExactly("k2");
    }

    @Test
    void a_key_shorter_than_256_bits_verifies_nothing_even_a_matching_signature() {
        byte[] shortKey = Arrays.copyOf(KEY, 16);
        String token = hs256("{\"alg\":\"HS256\",\"typ\":\"" + TYPE + "\",\"kid\":\"k1\"}", "{}", shortKey);

        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(token, TYPE, kid -> Optional.of(shortKey)));
        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(token, TYPE, kid -> Optional.of(new byte[0])));
    }

    @Test
    void a_tampered_payload_is_refused() {
        String token = signer.sign(TYPE, "k1", KEY, claims());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + b64("{\"sub\":\"admin\",\"n\":42,\"list\":[\"a\",\"b\"]}") + "." + parts[2];

        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(tampered, TYPE, KEYS));
    }

    @Test
    void tokens_over_eight_kilobytes_are_refused_unread() {
        Map<String, Object> big = claims();
        big.put("pad", "x".repeat(9_000));
        String token = signer.sign(TYPE, "k1", KEY, big);

        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(token, TYPE, kid -> {
            throw new AssertionError("no key must be looked up for an oversized token");
        }));
    }

    @Test
    void a_header_or_payload_that_is_not_utf8_is_refused() {
        byte[] header = "{\"alg\":\"HS256\",\"typ\":\"test+jwt\",\"kid\":\"k1\",\"x\":\"\u00ff\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        String badHeader = HandMadeJws.signSegments(b64(header), b64("{}"), KEY);
        String badPayload = HandMadeJws.signSegments(b64("{\"alg\":\"HS256\",\"typ\":\"test+jwt\",\"kid\":\"k1\"}"),
                b64(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}), KEY);

        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(badHeader, TYPE, KEYS));
        failsWith(ErrorCode.TOKEN_INVALID, () -> signer.verify(badPayload, TYPE, KEYS));
    }

    @Property(tries = 300)
    void any_text_at_all_is_token_invalid_or_verified_never_another_exception(@ForAll("tokenish") String text) {
        Throwable thrown = catchThrowable(() -> signer.verify(text, TYPE, KEYS));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SharingException.class);
            assertThat(((SharingException) thrown).code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        }
    }

    @Property(tries = 300)
    void any_signed_header_json_is_token_invalid_or_verified_never_another_exception(
            @ForAll("jsonish") String headerText) {
        String token = HandMadeJws.hs256(headerText, "{}", KEY);

        Throwable thrown = catchThrowable(() -> signer.verify(token, TYPE, kid -> Optional.of(KEY)));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SharingException.class);
            assertThat(((SharingException) thrown).code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        }
    }

    @Property(tries = 300)
    void any_signed_payload_json_is_token_invalid_or_verified_never_another_exception(
            @ForAll("jsonish") String payloadText) {
        String token = HandMadeJws.hs256("{\"alg\":\"HS256\",\"typ\":\"test+jwt\",\"kid\":\"k1\"}", payloadText, KEY);

        Throwable thrown = catchThrowable(() -> signer.verify(token, TYPE, KEYS));

        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SharingException.class);
            assertThat(((SharingException) thrown).code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        }
    }

    @Provide
    Arbitrary<String> tokenish() {
        return Arbitraries.strings().withChars("AZaz09-_.=+/ \u00e9").ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\"alg\"", "\"HS256\"",
                "\"kid\"", "\"k1\"", "\"typ\"", "\"test+jwt\"", "1", "0", "-", "e", "E", "+", ".", "9999999999",
                "\\u", "\\ud800", "d8", "00", "true", "null", " ", "\\", "\u0001");
        return fragments.list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
