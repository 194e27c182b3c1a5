package io.dashshare.architecture.violations.application.settings;

/** Inside the application, so the module rule allows it; but no service's to see. */
public record SharingSettings(int codeLength) {
}
