package io.dashshare.architecture.violations.adapter.crypto.bad;

import io.dashshare.architecture.violations.application.service.ShareService;

/** A driven adapter the old rule did not name. */
public class UsesApplicationService {
    private ShareService service;
}
