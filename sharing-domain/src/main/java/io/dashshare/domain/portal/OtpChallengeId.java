package io.dashshare.domain.portal;

import java.util.Objects;
import java.util.UUID;

public record OtpChallengeId(UUID value) {

    public OtpChallengeId {
        Objects.requireNonNull(value, "OtpChallengeId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
