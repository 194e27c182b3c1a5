package io.dashshare.architecture.violations.inmemory.bad;

import io.dashshare.architecture.violations.application.port.in.ShareUseCase;

/** The in-memory ports are no adapter package, so only their own rule catches this. */
public class UsesDrivingPort {
    private ShareUseCase shares;
}
