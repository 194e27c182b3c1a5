package io.dashshare.architecture.violations.application.service;

import io.dashshare.architecture.violations.application.port.in.ShareUseCase;
import io.dashshare.architecture.violations.domain.share.Share;

public class ShareService implements ShareUseCase {
    @Override
    public Share create() {
        return new Share("t");
    }
}
