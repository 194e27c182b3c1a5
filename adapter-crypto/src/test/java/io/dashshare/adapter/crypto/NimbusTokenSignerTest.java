package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import io.dashshare.domain.contract.TokenSignerContract;
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

    /**
     * Timing cannot be measured reliably in a unit test, so this reads the code instead: the
     * signature is checked by nimbus's MACVerifier, which compares the HMAC in constant time
     * (ConstantTimeUtils.areEqual), and never compared here.
     */
    @Test
    void the_signature_is_compared_by_nimbus_in_constant_time_not_here() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/dashshare/adapter/crypto/NimbusTokenSigner.java"));

        assertThat(source).contains("new MACVerifier(key).verify(");
        assertThat(source).doesNotContain("Arrays.equals").doesNotContain("MessageDigest").doesNotContain("Mac.getInstance");
    }
}
