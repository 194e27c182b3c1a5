package io.dashshare.architecture.violations.adapter.http.bad;

/**
 * A class in adapter-http's package. RulesCatchViolationsTest puts its class file where
 * adapter-mail's build puts its own, as a class compiled in the wrong module would be.
 */
public class BuiltByAdapterMail {
}
