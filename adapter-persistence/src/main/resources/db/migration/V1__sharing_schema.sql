-- The service's own tables, all in schema "sharing". Dashboard SQL runs as other, read-only roles
-- that must never see this schema, so PUBLIC gets nothing here.
create schema if not exists sharing;
revoke all on schema sharing from public;

create table sharing.companies (
    id            uuid primary key,
    slug          text not null,
    name          text not null,
    embed_origins text[] not null default '{}',
    constraint companies_slug_key unique (slug)
);

create table sharing.owner_accounts (
    id            uuid primary key,
    company_id    uuid not null references sharing.companies (id) on delete cascade,
    email         text not null check (email = lower(email)),
    password_hash text not null,
    constraint owner_accounts_email_key unique (email)
);
create index owner_accounts_company_idx on sharing.owner_accounts (company_id);

create table sharing.dashboards (
    id                      uuid primary key,
    company_id              uuid not null references sharing.companies (id) on delete cascade,
    slug                    text not null,
    name                    text not null,
    description             text not null default '',
    data_source             text not null,
    -- {"filters": [...], "widgets": [...]} in the API's snake_case shape (PRODUCT.md section 5)
    definition              jsonb not null,
    version                 bigint not null check (version >= 1),
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    embed_tokens_not_before timestamptz,
    constraint dashboards_company_slug_key unique (company_id, slug),
    -- lets shares reference (dashboard, company) so a share can never point across tenants
    constraint dashboards_id_company_key unique (id, company_id)
);
create index dashboards_company_created_idx on sharing.dashboards (company_id, created_at);

create table sharing.share_contexts (
    id          uuid primary key,
    company_id  uuid not null references sharing.companies (id) on delete cascade,
    name        text not null,
    description text not null default '',
    created_at  timestamptz not null,
    constraint share_contexts_id_company_key unique (id, company_id)
);
create index share_contexts_company_created_idx on sharing.share_contexts (company_id, created_at);

create table sharing.share_context_members (
    id          uuid primary key,
    context_id  uuid not null references sharing.share_contexts (id) on delete cascade,
    member_type text not null check (member_type in ('external_email')),
    -- stored normalised (lower case), so equality is the case-insensitive match
    email       text not null check (email = lower(email)),
    created_at  timestamptz not null,
    constraint share_context_members_context_email_key unique (context_id, email)
);
create index share_context_members_email_idx on sharing.share_context_members (email);

-- A share bound to a context is deleted with it (ON DELETE CASCADE), never set to NULL: a NULL
-- context would silently turn a members-only share into a public link.
create table sharing.shares (
    id           uuid primary key,
    company_id   uuid not null references sharing.companies (id) on delete cascade,
    dashboard_id uuid not null,
    name         text not null,
    share_type   text not null check (share_type in ('link')),
    context_id   uuid,
    -- [{"filter_slug","filter_kind","mode","allowed_values","value"}]
    policies     jsonb not null default '[]',
    token_hash   text not null check (token_hash ~ '^[0-9a-f]{64}$'),
    expires_at   timestamptz,
    revoked_at   timestamptz,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    constraint shares_token_hash_key unique (token_hash),
    constraint shares_dashboard_fkey foreign key (dashboard_id, company_id)
        references sharing.dashboards (id, company_id) on delete cascade,
    constraint shares_context_fkey foreign key (context_id, company_id)
        references sharing.share_contexts (id, company_id) on delete cascade
);
create index shares_dashboard_created_idx on sharing.shares (dashboard_id, created_at);
create index shares_context_idx on sharing.shares (context_id) where context_id is not null;
create index shares_company_idx on sharing.shares (company_id);

-- At most one challenge per company and email: a new request replaces the old code in one statement.
create table sharing.otp_challenges (
    id              uuid primary key,
    company_id      uuid not null references sharing.companies (id) on delete cascade,
    email           text not null check (email = lower(email)),
    code_hash       text not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    failed_attempts integer not null default 0 check (failed_attempts >= 0),
    consumed_at     timestamptz,
    constraint otp_challenges_company_email_key unique (company_id, email)
);

create table sharing.share_sessions (
    id         uuid primary key,
    company_id uuid not null references sharing.companies (id) on delete cascade,
    email      text not null check (email = lower(email)),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index share_sessions_company_email_idx on sharing.share_sessions (company_id, email);

create table sharing.refresh_tokens (
    token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    session_id uuid not null references sharing.share_sessions (id) on delete cascade,
    created_at timestamptz not null,
    used_at    timestamptz
);
create index refresh_tokens_session_idx on sharing.refresh_tokens (session_id);

create table sharing.embed_keys (
    kid        text primary key,
    company_id uuid not null references sharing.companies (id) on delete cascade,
    secret     bytea not null check (octet_length(secret) >= 32),
    created_at timestamptz not null,
    retired_at timestamptz
);
create index embed_keys_company_idx on sharing.embed_keys (company_id, created_at);

-- Fixed-window counters shared by every service instance (one row per key).
create table sharing.rate_limit_counters (
    key          text primary key,
    window_start timestamptz not null,
    count        integer not null check (count >= 0)
);
create index rate_limit_counters_window_idx on sharing.rate_limit_counters (window_start);
