package io.dashshare.architecture.violations.application.service.bad;

import io.dashshare.architecture.violations.domain.share.Share;
import java.util.List;

/** A use case interface beside the services instead of in port.in. */
public interface ListSharesUseCase {
    List<Share> list();
}
