package io.dashshare.bootstrap.config;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Conditions of beans that a switch setting turns on or off, reading the switch with the same words
 * as {@link SettingsCheck} and {@link ServiceConfig} ({@code true}/{@code yes}/{@code on},
 * {@code false}/{@code no}/{@code off}): {@code @Requires(property, value)} compares text, so
 * {@code SHARING_AUDIT_ENABLED=off} kept the audit writer on while the settings read it as off.
 * A word that is no switch keeps the default here; SettingsCheck stops the start on it anyway.
 */
public final class Switches {

    static final String AUDIT = "sharing.audit.enabled";
    static final String HOUSEKEEPING = "sharing.housekeeping.enabled";

    private Switches() {
    }

    static boolean on(ConditionContext<?> context, String property, boolean fallback) {
        return context.getProperty(property, String.class).flatMap(ServiceConfig::switchValue).orElse(fallback);
    }

    /** The audit log is written ({@code SHARING_AUDIT_ENABLED}, on by default). */
    public static final class AuditOn implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return on(context, AUDIT, true);
        }
    }

    /** The audit log is off: its sink keeps nothing (only to measure what the log costs). */
    public static final class AuditOff implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return !on(context, AUDIT, true);
        }
    }

    /** This instance runs housekeeping ({@code SHARING_HOUSEKEEPING_ENABLED}, on by default). */
    public static final class HousekeepingOn implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return on(context, HOUSEKEEPING, true);
        }
    }
}
