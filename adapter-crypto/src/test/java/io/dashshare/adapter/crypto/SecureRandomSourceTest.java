package io.dashshare.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecureRandomSourceTest {

    private final SecureRandomSource random = new SecureRandomSource();

    @Test
    void bytes_have_the_asked_length_and_differ_between_calls() {
        assertThat(random.bytes(32)).hasSize(32).isNotEqualTo(random.bytes(32));
        assertThat(random.bytes(0)).isEmpty();
    }

    @Test
    void nextInt_stays_in_bounds_and_reaches_both_ends() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            int value = random.nextInt(10);
            assertThat(value).isBetween(0, 9);
            seen.add(value);
        }
        assertThat(seen).hasSize(10);
    }

    @Test
    void uuids_are_version_4_of_the_ietf_variant() {
        UUID uuid = random.uuid();

        assertThat(uuid.version()).isEqualTo(4);
        assertThat(uuid.variant()).isEqualTo(2);
        assertThat(random.uuid()).isNotEqualTo(uuid);
    }
}
