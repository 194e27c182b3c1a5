package io.dashshare.domain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

public abstract class OwnerTokenRevocationsContract extends PortContract {

    @Test
    void a_revoked_token_id_is_remembered_and_revoking_twice_is_harmless() {
        String jti = UUID.randomUUID().toString();
        assertThat(ports.tokenRevocations().isRevoked(jti)).isFalse();

        ports.tokenRevocations().revoke(jti, T0.plusSeconds(3600));
        ports.tokenRevocations().revoke(jti, T0.plusSeconds(3600));

        assertThat(ports.tokenRevocations().isRevoked(jti)).isTrue();
        assertThat(ports.tokenRevocations().isRevoked(UUID.randomUUID().toString())).isFalse();
    }
}
