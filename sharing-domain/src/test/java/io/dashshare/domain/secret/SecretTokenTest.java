package io.dashshare.domain.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTokenTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static SecretToken randomToken() {
        byte[] bytes = new byte[SecretToken.BYTES];
        RANDOM.nextBytes(bytes);
        return SecretToken.fromRandomBytes(bytes);
    }

    @Test
    void a_token_carries_256_random_bits_as_unpadded_base64url() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);

        SecretToken token = SecretToken.fromRandomBytes(bytes);

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(token.value())).isEqualTo(bytes).hasSize(256 / 8);
        assertThat(SecretToken.hasTokenShape(token.value())).isTrue();
    }

    @Test
    void fewer_or_more_than_32_random_bytes_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretToken.fromRandomBytes(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretToken.fromRandomBytes(new byte[33]));
    }

    @Test
    void to_string_is_redacted() {
        SecretToken token = randomToken();

        assertThat(token.toString()).isEqualTo("SecretToken[redacted]").doesNotContain(token.value());
    }

    @Test
    void the_hash_is_stable_and_is_what_a_presented_token_hashes_to() {
        SecretToken token = randomToken();

        assertThat(token.hash()).isEqualTo(token.hash()).isEqualTo(SecretToken.hashOfPresented(token.value()));
        assertThat(token.hash().hex()).doesNotContain(token.value());
    }

    @Test
    void different_tokens_hash_differently() {
        assertThat(randomToken().hash()).isNotEqualTo(randomToken().hash());
    }

    @Test
    void the_hash_is_lower_case_hex_sha_256() {
        assertThat(TokenHash.of("").hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(TokenHash.of("abc").hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void a_missing_presented_token_hashes_like_an_empty_one_and_never_fails() {
        assertThat(SecretToken.hashOfPresented(null)).isEqualTo(TokenHash.of(""));
        assertThat(SecretToken.hashOfPresented("not a token \u0000 at all")).isNotNull();
    }

    @Test
    void the_log_id_is_a_short_prefix_of_the_hash_never_the_token() {
        SecretToken token = randomToken();

        assertThat(token.hash().logId()).hasSize(12).isEqualTo(token.hash().hex().substring(0, 12));
    }

    @ParameterizedTest(name = "[{0}] has no token shape")
    @NullSource
    @ValueSource(strings = {"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", "' OR '1'='1"})
    void only_43_base64url_characters_have_the_token_shape(String presented) {
        assertThat(SecretToken.hasTokenShape(presented)).isFalse();
    }

    @ParameterizedTest(name = "[{0}] is no hash")
    @NullSource
    @ValueSource(strings = {"", "abc", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
            "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void a_token_hash_is_exactly_64_lower_case_hex_digits(String hex) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenHash(hex));
    }
}
