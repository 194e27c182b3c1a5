package io.dashshare.architecture.violations.adapter.persistence.bad;

import io.dashshare.architecture.violations.application.port.in.ShareUseCase;

/** Allowed for adapter-http, not for a driven adapter. */
public class UsesDrivingPort {
    private ShareUseCase shares;
}
