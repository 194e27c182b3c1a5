package io.dashshare.architecture.violations.domain.bad;

import io.dashshare.architecture.violations.application.port.in.ShareUseCase;

/** No framework, yet outside the domain: a use case type; also closes a domain-application cycle. */
public class UsesApplication {
    private ShareUseCase shares;
}
