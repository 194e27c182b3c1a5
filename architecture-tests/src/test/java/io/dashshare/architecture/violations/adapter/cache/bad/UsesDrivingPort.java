package io.dashshare.architecture.violations.adapter.cache.bad;

import io.dashshare.architecture.violations.application.port.in.ShareUseCase;

/** A driven adapter the old rule did not name. */
public class UsesDrivingPort {
    private ShareUseCase shares;
}
