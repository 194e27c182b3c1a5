package io.dashshare.architecture.violations.bootstrap;

import io.dashshare.architecture.violations.adapter.http.ShareController;
import io.dashshare.architecture.violations.application.service.ShareService;

/** Allowed: bootstrap wires everything. */
public class Wiring {
    public ShareController controller() {
        return new ShareController(new ShareService());
    }
}
