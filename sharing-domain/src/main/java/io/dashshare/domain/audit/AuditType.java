package io.dashshare.domain.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the audit log, with its wire name (docs/api.md, audit event catalogue). */
public enum AuditType {
    SHARE_RESOLVED("share.resolved", true),
    DASHBOARD_EXECUTED("dashboard.executed", true),
    FILTER_OPTIONS("filter.options", true),
    WIDGET_EXPORTED("widget.exported", true),
    PORTAL_CODE_REQUESTED("portal.code_requested", true),
    PORTAL_SIGNED_IN("portal.signed_in", true),
    PORTAL_SIGN_IN_FAILED("portal.sign_in_failed", true),
    PORTAL_SIGNED_OUT("portal.signed_out", true),
    EMBED_VIEWED("embed.viewed", true),
    OWNER_SIGNED_IN("owner.signed_in", false),
    OWNER_SIGN_IN_FAILED("owner.sign_in_failed", false),
    DASHBOARD_CREATED("dashboard.created", false),
    DASHBOARD_UPDATED("dashboard.updated", false),
    DASHBOARD_DELETED("dashboard.deleted", false),
    SHARE_CREATED("share.created", false),
    SHARE_UPDATED("share.updated", false),
    SHARE_REVOKED("share.revoked", false),
    SHARE_TOKEN_ROTATED("share.token_rotated", false),
    CONTEXT_CREATED("context.created", false),
    CONTEXT_UPDATED("context.updated", false),
    CONTEXT_DELETED("context.deleted", false),
    MEMBER_ADDED("member.added", false),
    MEMBER_REMOVED("member.removed", false),
    SESSION_REVOKED("session.revoked", false),
    EMBED_TOKEN_ISSUED("embed.token_issued", false),
    EMBED_TOKENS_REVOKED("embed.tokens_revoked", false),
    EMBED_KEY_CREATED("embed_key.created", false),
    EMBED_KEY_RETIRED("embed_key.retired", false),
    COMPANY_UPDATED("company.updated", false),
    OWNER_INVITED("owner.invited", false),
    OWNER_UPDATED("owner.updated", false),
    OWNER_REMOVED("owner.removed", false),
    API_KEY_CREATED("api_key.created", false),
    API_KEY_REVOKED("api_key.revoked", false),
    COMPANY_CREATED("company.created", false),
    COMPANY_SUSPENDED("company.suspended", false),
    COMPANY_ACTIVATED("company.activated", false);

    private static final Map<String, AuditType> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(AuditType::wire, Function.identity()));

    private final String wire;
    private final boolean viewer;

    AuditType(String wire, boolean viewer) {
        this.wire = wire;
        this.viewer = viewer;
    }

    public String wire() {
        return wire;
    }

    /** A viewer's request (public, portal, embed), as opposed to an owner's or operator's change. */
    public boolean viewer() {
        return viewer;
    }

    public static Optional<AuditType> fromWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
