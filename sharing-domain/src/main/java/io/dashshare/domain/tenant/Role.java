package io.dashshare.domain.tenant;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an owner (or an API key) may do in its company (docs/api.md, roles): a viewer reads, an
 * editor shares, an admin also runs the company.
 */
public enum Role {
    VIEWER(EnumSet.of(Permission.READ, Permission.PREVIEW)),
    EDITOR(EnumSet.of(Permission.READ, Permission.PREVIEW, Permission.EDIT_DASHBOARDS, Permission.EDIT_SHARES,
            Permission.EDIT_CONTEXTS, Permission.MANAGE_PORTAL_SESSIONS, Permission.ISSUE_EMBED_TOKENS)),
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String wire) {
        for (Role role : values()) {
            if (role.wire().equals(wire)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
