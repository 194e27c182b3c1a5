package io.dashshare.domain.tenant;

/** One kind of owner action, as the role table of docs/api.md groups them. */
public enum Permission {
    /** Every read of the owner API except owners, API keys and the audit log. */
    READ,
    /** The owner preview: execute, options and export without any policy. */
    PREVIEW,
    EDIT_DASHBOARDS,
    EDIT_SHARES,
    EDIT_CONTEXTS,
    MANAGE_PORTAL_SESSIONS,
    /** Minting embed tokens and revoking a dashboard's tokens. */
    ISSUE_EMBED_TOKENS,
    MANAGE_OWNERS,
    MANAGE_API_KEYS,
    MANAGE_EMBED_KEYS,
    MANAGE_EMBED_ORIGINS,
    MANAGE_COMPANY,
    READ_AUDIT
}
