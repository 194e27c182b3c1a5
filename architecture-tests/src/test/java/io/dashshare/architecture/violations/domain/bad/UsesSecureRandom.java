package io.dashshare.architecture.violations.domain.bad;

import java.security.SecureRandom;

/** java.security is allowed class by class: randomness is a port, not a JDK call. */
public class UsesSecureRandom {
    private final SecureRandom random = new SecureRandom();
}
