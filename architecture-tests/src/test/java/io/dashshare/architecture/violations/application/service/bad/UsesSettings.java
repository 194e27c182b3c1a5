package io.dashshare.architecture.violations.application.service.bad;

import io.dashshare.architecture.violations.application.settings.SharingSettings;

/** A service that sees more of the application than the driving ports. */
public class UsesSettings {
    private SharingSettings settings;
}
