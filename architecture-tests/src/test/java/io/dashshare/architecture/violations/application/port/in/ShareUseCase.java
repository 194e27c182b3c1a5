package io.dashshare.architecture.violations.application.port.in;

import io.dashshare.architecture.violations.domain.share.Share;

public interface ShareUseCase {
    Share create();
}
