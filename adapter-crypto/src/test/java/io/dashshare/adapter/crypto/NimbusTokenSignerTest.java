package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import io.dashshare.domain.contract.TokenSignerContract;
import io.dashshare.domain.error.SharingException;
import io.dashshare.domain.port.TokenSigner;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NimbusTokenSignerTest extends TokenSignerContract {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final NimbusTokenSigner signer = new NimbusTokenSigner();

    @Override
    protected TokenSigner signer() {
        return signer;
    }

    @Test
    void the_header_holds_exactly_alg_typ_and_kid() {
        String token = signer.sign("test+jwt", "k1", KEY, Map.of("sub", "x"));

        byte[] header = Base64.getUrlDecoder().decode(token.split("\\.")[0]);
        assertThat(StrictJson.parse(header)).isEqualTo(Map.of("alg", "HS256", "typ", "test+jwt", "kid", "k1"));
    }

    @Test
    void what_it_signs_nimbus_verifies_and_what_nimbus_signs_it_verifies() throws Exception {
        String ours = signer.sign("test+jwt", "k1", KEY, Map.of("sub", "x"));
        JWSObject theirs = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1")
                .type(new JOSEObjectType("test+jwt")).build(), new Payload(Map.of("sub", "y", "exp", 1767229200L)));
        theirs.sign(new MACSigner(KEY));

        assertThat(JWSObject.parse(ours).verify(new MACVerifier(KEY))).isTrue();
        assertThat(signer.verify(theirs.serialize(), "test+jwt", kid -> Optional.of(KEY)).claims())
                .containsEntry("sub", "y").containsEntry("exp", new BigDecimal("1767229200"));
    }

    @Test
    void a_kept_header_still_answers_for_its_own_type_and_key_only() {
        String token = signer.sign("test+jwt", "k1", KEY, Map.of("sub", "x"));
        assertThat(signer.verify(token, "test+jwt", kid -> Optional.of(KEY)).keyId()).isEqualTo("k1");

        assertThatThrownBy(() -> signer.verify(token, "other+jwt", kid -> Optional.of(KEY)))
                .isInstanceOf(SharingException.class);
        assertThatThrownBy(() -> signer.verify(token, "test+jwt", kid -> Optional.empty()))
                .isInstanceOf(SharingException.class);
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> signer.verify(token, "test+jwt", kid -> Optional.of(otherKey)))
                .isInstanceOf(SharingException.class);
        assertThat(signer.verify(token, "test+jwt", kid -> Optional.of(KEY)).claims()).containsEntry("sub", "x");
    }

    /**
     * Timing cannot be measured reliably in a unit test, so this reads the code instead: the
     * signature is compared by the JDK's MessageDigest.isEqual, which takes the same time wherever
     * the bytes differ, never by Arrays.equals or a loop of our own; nimbus's MACVerifier (the
     * same constant-time comparison) is not used because it looks its Mac up on every call.
     */
    @Test
    void the_signature_is_compared_in_constant_time() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/dashshare/adapter/crypto/NimbusTokenSigner.java"));

        assertThat(source).contains("MessageDigest.isEqual(mac.doFinal(), signature)");
        assertThat(source).doesNotContain("Arrays.equals").doesNotContain("signature[");
    }
}
