package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dashshare.domain.port.Sealer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AesGcmSealerTest {

    private static final byte[] CONTEXT = "outbox/mail-1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAIN = "code=12345678&company_name=Acme".getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void what_is_sealed_opens_with_the_same_key_and_context_and_hides_the_plaintext() {
        AesGcmSealer sealer = new AesGcmSealer(key());

        byte[] sealed = sealer.seal(PLAIN, CONTEXT);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("12345678", "Acme");
        assertThat(sealer.open(sealed, CONTEXT)).isEqualTo(PLAIN);
    }

    @Test
    void sealing_twice_gives_different_bytes() {
        AesGcmSealer sealer = new AesGcmSealer(key());

        assertThat(sealer.seal(PLAIN, CONTEXT)).isNotEqualTo(sealer.seal(PLAIN, CONTEXT));
    }

    @Test
    void another_context_another_key_or_one_flipped_bit_does_not_open() {
        byte[] key = key();
        AesGcmSealer sealer = new AesGcmSealer(key);
        byte[] sealed = sealer.seal(PLAIN, CONTEXT);

        assertThatThrownBy(() -> sealer.open(sealed, "outbox/mail-2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Sealer.BrokenSealException.class);
        assertThatThrownBy(() -> new AesGcmSealer(key()).open(sealed, CONTEXT))
                .isInstanceOf(Sealer.BrokenSealException.class);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> sealer.open(tampered, CONTEXT)).as("bit flipped in byte %d", i)
                    .isInstanceOf(Sealer.BrokenSealException.class);
        }
        assertThatThrownBy(() -> sealer.open(new byte[5], CONTEXT)).isInstanceOf(Sealer.BrokenSealException.class);
    }

    @Test
    void only_a_256_bit_key_is_taken() {
        assertThatThrownBy(() -> new AesGcmSealer(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
