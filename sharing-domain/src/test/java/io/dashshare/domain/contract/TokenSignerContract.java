package io.dashshare.domain.contract;

import static io.dashshare.domain.testing.HandMadeJws.b64;
import static io.dashshare.domain.testing.HandMadeJws.hs256;
import static io.dashshare.domain.testing.HandMadeJws.hs384;
import static io.dashshare.domain.testing.HandMadeJws.signSegments;
import static io.dashshare.domain.testing.HandMadeJws.withSignature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dashshare.domain.error.ErrorCode;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.TokenSigner;
import io.dashshare.domain.port.TokenSigner.Verified;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link TokenSigner} must do: the token format and the refusals of docs/embedding.md,
 * section 2. Tokens that no well-behaved signer would produce are made by hand
 * ({@link io.dashshare.domain.testing.HandMadeJws}).
 */
public abstract class TokenSignerContract {

    private static final String TYPE = "test+jwt";
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"test+jwt\",\"kid\":\"k1\"}";
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Function<String, Optional<byte[]>> KEYS = kid -> "k1".equals(kid)
            ? Optional.of(KEY) : Optional.empty();

    /** The implementation under test. */
    protected abstract TokenSigner signer();

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "someone");
        claims.put("n", 42L);
        claims.put("list", List.of("a", "b"));
        return claims;
    }

    private String token() {
        return signer().sign(TYPE, "k1", KEY, claims());
    }

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SharingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID));
    }

    private void refused(String token) {
        refused(() -> signer().verify(token, TYPE, KEYS));
    }

    private static void tokenInvalidOrNothing(Throwable thrown) {
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(SharingException.class);
            assertThat(((SharingException) thrown).code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        }
    }

    @Test
    void what_it_signs_it_verifies_with_the_same_claims_and_numbers_as_big_decimals() {
        Map<String, Object> claims = claims();
        claims.put("text", "quote \" backslash \\ newline \n nul \u0000 line-sep \u2028 emoji \uD83D\uDE00");
        claims.put("decimal", new BigDecimal("12.50"));
        claims.put("int", 7);
        claims.put("flag", true);
        claims.put("nothing", null);
        claims.put("object", Map.of("a", List.of(1, "b")));

        Verified verified = signer().verify(signer().sign(TYPE, "k1", KEY, claims), TYPE, KEYS);

        assertThat(verified.keyId()).isEqualTo("k1");
        assertThat(verified.claims()).containsEntry("sub", "someone").containsEntry("n", new BigDecimal("42"))
                .containsEntry("list", List.of("a", "b")).containsEntry("text", claims.get("text"))
                .containsEntry("decimal", new BigDecimal("12.50")).containsEntry("int", new BigDecimal("7"))
                .containsEntry("flag", true).containsEntry("nothing", null)
                .containsEntry("object", Map.of("a", List.of(BigDecimal.ONE, "b")));
        assertThat(List.copyOf(verified.claims().keySet())).isEqualTo(List.copyOf(claims.keySet()));
    }

    @Test
    void a_token_made_by_hand_to_the_documented_format_is_accepted() {
        Verified verified = signer().verify(hs256(HEADER, "{\"sub\":\"x\",\"exp\":1767229200}", KEY), TYPE, KEYS);

        assertThat(verified.claims()).containsEntry("sub", "x").containsEntry("exp", new BigDecimal("1767229200"));
    }

    @Test
    void signing_refuses_a_key_under_256_bits_and_claims_that_are_not_json() {
        assertThatThrownBy(() -> signer().sign(TYPE, "k1", Arrays.copyOf(KEY, 31), claims()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer().sign(TYPE, "k1", KEY, Map.of("x", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        refused(signer().sign(TYPE, "k1", OTHER_KEY, claims()));
    }

    @Test
    void the_expected_type_is_required_exactly() {
        String token = token();

        refused(() -> signer().verify(token, "other+jwt", KEYS));
        refused(hs256(HEADER.replace("test+jwt", "TEST+JWT"), "{}", KEY));
        refused(hs256("{\"alg\":\"HS256\",\"kid\":\"k1\"}", "{}", KEY));
    }

    @Test
    void a_tampered_payload_header_or_signature_is_refused() {
        String[] parts = token().split("\\.");
        String otherHeader = b64("{\"alg\":\"HS256\",\"typ\":\"test+jwt\",\"kid\":\"k1\",\"x\":1}");
        String otherSignature = b64(new byte[32]);

        refused(parts[0] + "." + b64("{\"sub\":\"admin\",\"n\":42,\"list\":[\"a\",\"b\"]}") + "." + parts[2]);
        refused(otherHeader + "." + parts[1] + "." + parts[2]);
        refused(parts[0] + "." + parts[1] + "." + otherSignature);
        refused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "HS384", "HS512", "RS256", "ES256"})
    void only_hs256_is_accepted_and_no_key_is_looked_up_for_another_algorithm(String alg) {
        List<String> lookedUp = new ArrayList<>();
        Function<String, Optional<byte[]>> recording = kid -> {
            lookedUp.add(kid);
            return KEYS.apply(kid);
        };
        String header = HEADER.replace("HS256", alg);

        refused(() -> signer().verify(hs256(header, "{}", KEY), TYPE, recording));
        refused(() -> signer().verify(hs384(header, "{}", KEY), TYPE, recording));
        refused(() -> signer().verify(b64(header) + "." + b64("{}") + ".", TYPE, recording));

        assertThat(lookedUp).isEmpty();
    }

    @Test
    void alg_missing_or_not_a_string_is_refused() {
        refused(hs256("{\"typ\":\"test+jwt\",\"kid\":\"k1\"}", "{}", KEY));
        refused(hs256("{\"alg\":[\"HS256\"],\"typ\":\"test+jwt\",\"kid\":\"k1\"}", "{}", KEY));
    }

    @Test
    void the_kid_is_required_and_only_looked_up_through_the_given_function() {
        List<String> lookedUp = new ArrayList<>();
        Function<String, Optional<byte[]>> recording = kid -> {
            lookedUp.add(kid);
            return KEYS.apply(kid);
        };

        refused(() -> signer().verify(signer().sign(TYPE, "k2", KEY, claims()), TYPE, recording));
        refused(() -> signer().verify(hs256("{\"alg\":\"HS256\",\"typ\":\"test+jwt\"}", "{}", KEY), TYPE, recording));
        refused(() -> signer().verify(hs256("{\"alg\":\"HS256\",\"typ\":\"test+jwt\",\"kid\":1}", "{}", KEY), TYPE,
                recording));

        assertThat(lookedUp).containsExactly("k2");
    }

    @Test
    void a_key_shorter_than_256_bits_verifies_nothing_even_a_matching_signature() {
        byte[] shortKey = Arrays.copyOf(KEY, 16);
        String token = hs256(HEADER, "{}", shortKey);

        refused(() -> signer().verify(token, TYPE, kid -> Optional.of(shortKey)));
        refused(() -> signer().verify(hs256(HEADER, "{}", new byte[0]), TYPE, kid -> Optional.of(new byte[0])));
    }

    @Test
    void a_crit_header_is_refused() {
        refused(hs256(HEADER.replace("}", ",\"crit\":[\"exp\"]}"), "{\"exp\":1}", KEY));
        refused(hs256(HEADER.replace("}", ",\"crit\":[]}"), "{}", KEY));
    }

    @Test
    void jku_jwk_and_x5u_are_ignored_and_the_token_still_needs_the_looked_up_key() {
        byte[] attackerKey = new byte[32];
        Arrays.fill(attackerKey, (byte) 7);
        String header = HEADER.replace("}", ",\"jku\":\"https://attacker.example/jwks.json\","
                + "\"x5u\":\"https://attacker.example/cert.pem\","
                + "\"jwk\":{\"kty\":\"oct\",\"k\":\"" + b64(attackerKey) + "\"}}");

        assertThat(signer().verify(hs256(header, "{\"sub\":\"x\"}", KEY), TYPE, KEYS).claims()).containsEntry("sub", "x");
        refused(hs256(header, "{\"sub\":\"x\"}", attackerKey));
    }

    @Test
    void only_the_compact_serialization_in_canonical_base64url_is_accepted() {
        String token = token();
        String[] p = token.split("\\.");

        for (String malformed : List.of(
                token + "." + p[2], token + ".", "." + token, p[0] + "." + p[1], p[0] + ".." + p[2], "..", "",
                p[0] + "==." + p[1] + "." + p[2], token + "=",
                p[0] + "." + p[1].substring(0, 5) + "+" + p[1].substring(6) + "." + p[2],
                p[0] + "." + p[1] + "." + p[2].substring(0, 10) + "/" + p[2].substring(11),
                p[0] + "." + p[1] + "é." + p[2], p[0] + ". " + p[1] + "." + p[2], " " + token, token + "\n",
                p[0] + "." + p[1] + "." + nonCanonical(p[2]))) {
            refused(malformed);
        }
        refused(() -> signer().verify(null, TYPE, KEYS));
    }

    @Test
    void tokens_over_eight_kibibytes_are_refused_unread_and_up_to_it_accepted() {
        int pad = 6_000;
        while (padded(pad + 1).length() <= 8_192) {
            pad++;
        }
        String atLimit = padded(pad);
        String overLimit = padded(pad + 1);

        assertThat(atLimit.length()).isLessThanOrEqualTo(8_192);
        assertThat(signer().verify(atLimit, TYPE, KEYS).claims()).containsKey("pad");
        assertThat(overLimit.length()).isGreaterThan(8_192);
        refused(() -> signer().verify(overLimit, TYPE, kid -> {
            throw new AssertionError("no key must be looked up for an oversized token");
        }));
    }

    private String padded(int length) {
        return signer().sign(TYPE, "k1", KEY, Map.of("pad", "x".repeat(length)));
    }

    @Test
    void duplicate_member_names_are_refused_in_the_header_and_in_the_claims_at_any_depth() {
        refused(hs256("{\"alg\":\"none\"," + HEADER.substring(1), "{}", KEY));
        refused(hs256(HEADER.replace("}", ",\"kid\":\"k1\"}"), "{}", KEY));
        refused(hs256(HEADER, "{\"sub\":\"a\",\"sub\":\"b\"}", KEY));
        refused(hs256(HEADER, "{\"o\":{\"a\":1,\"a\":2}}", KEY));
    }

    @Test
    void nesting_is_bounded_to_sixteen_levels_below_the_root() {
        String sixteen = "{\"x\":" + "[".repeat(16) + "]".repeat(16) + "}";
        String seventeen = "{\"x\":" + "[".repeat(17) + "]".repeat(17) + "}";

        assertThat(signer().verify(hs256(HEADER, sixteen, KEY), TYPE, KEYS).claims()).containsKey("x");
        refused(hs256(HEADER, seventeen, KEY));
        refused(hs256(HEADER, "{\"x\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}", KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"sub\"]", "\"claims\"", "{}{}", "{\"a\":1}x", "{\"a\":1} [2]", "{\"a\":1,}",
            "{\"a\":[1,]}", "{'a':1}", "{a:1}", "{\"a\" 1}", "{\"x\":\"\\ud800\"}", "{\"x\":\"\\udc00\"}",
            "{\"x\":\"\\u12\"}", "{\"x\":\"\\x41\"}", "{\"x\":\"tab\there\"}", "{\"x\":1e99999999999}",
            "{\"x\":-1E-2147483649}", "{\"x\":1e-999}", "{\"x\":1234567890123456789012345678901234567890123}",
            "{\"x\":NaN}", "{\"x\":01}", "{\"x\":1.}", "{\"x\":+1}", "{\"x\":tru}", "\u00a0{}", "{}\u0000"})
    void claims_that_are_not_one_strict_json_object_are_refused(String json) {
        refused(hs256(HEADER, json, KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {",\"x\":\"\\ud800\"", ",\"x\":1e99999999999", ",\"x\":NaN", ",", ",\"x\":[1,]",
            ",\"x\":" + "[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]"})
    void a_header_that_is_not_strict_json_is_refused(String extraMembers) {
        refused(hs256(HEADER.replace("}", extraMembers + "}"), "{}", KEY));
        refused(hs256(HEADER + "{}", "{}", KEY));
        refused(hs256("[\"HS256\"]", "{}", KEY));
    }

    @Test
    void a_header_or_claims_that_are_not_utf8_are_refused() {
        byte[] header = HEADER.replace("}", ",\"x\":\"\u00ff\"}").getBytes(StandardCharsets.ISO_8859_1);
        byte[] truncated = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
        byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};

        refused(signSegments(b64(header), b64("{}"), KEY));
        refused(signSegments(b64(HEADER), b64(truncated), KEY));
        refused(signSegments(b64(HEADER), b64(overlong), KEY));
    }

    @Test
    void a_signature_of_another_algorithm_or_of_zeros_is_refused() {
        refused(withSignature(HEADER, "{}", "MAYCAQACAQA"));
        refused(withSignature(HEADER, "{}", b64(new byte[32])));
        refused(hs384(HEADER, "{}", KEY));
    }

    @Property(tries = 300)
    void any_text_at_all_is_token_invalid_or_verified_never_another_exception(@ForAll("tokenish") String text) {
        tokenInvalidOrNothing(catchThrowable(() -> signer().verify(text, TYPE, KEYS)));
    }

    @Property(tries = 300)
    void any_signed_header_json_is_token_invalid_or_verified_never_another_exception(
            @ForAll("jsonish") String headerText) {
        String token = hs256(headerText, "{}", KEY);

        tokenInvalidOrNothing(catchThrowable(() -> signer().verify(token, TYPE, kid -> Optional.of(KEY))));
    }

    @Property(tries = 300)
    void any_signed_claims_json_is_token_invalid_or_verified_never_another_exception(
            @ForAll("jsonish") String claimsText) {
        String token = hs256(HEADER, claimsText, KEY);

        tokenInvalidOrNothing(catchThrowable(() -> signer().verify(token, TYPE, KEYS)));
    }

    @Provide
    Arbitrary<String> tokenish() {
        return Arbitraries.strings().withChars("AZaz09-_.=+/ \u00e9").ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "\"alg\"", "\"HS256\"",
                "\"kid\"", "\"k1\"", "\"typ\"", "\"test+jwt\"", "\"crit\"", "\"jwk\"", "1", "0", "-", "e", "E", "+",
                ".", "9999999999", "\\u", "\\ud800", "d8", "00", "true", "null", " ", "\\", "\u0001");
        return fragments.list().ofMaxSize(30).map(l -> String.join("", l));
    }

    /** The last character of 32 bytes in base64url carries 2 unused bits: setting one keeps the bytes. */
    private static String nonCanonical(String segment) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int index = alphabet.indexOf(segment.charAt(segment.length() - 1));
        return segment.substring(0, segment.length() - 1) + alphabet.charAt(index ^ 1);
    }
}
