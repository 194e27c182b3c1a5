package io.dashshare.architecture.violations.adapter.http;

import io.dashshare.architecture.violations.application.port.in.ShareUseCase;

/** Allowed: a driving adapter calling a use case through its port. */
public class ShareController {
    private final ShareUseCase shares;

    public ShareController(ShareUseCase shares) {
        this.shares = shares;
    }

    public String create() {
        return shares.create().token();
    }
}
