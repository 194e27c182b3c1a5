package io.dashshare.architecture.violations.adapter.http.bad;

import io.dashshare.architecture.violations.application.service.ShareService;

public class UsesApplicationService {
    private final ShareService service = new ShareService();
}
