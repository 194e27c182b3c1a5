-- Tenants that an operator provisions and suspends, owners with roles in one or several companies,
-- their invites, API keys for a company's backends, and owner tokens ended by a logout
-- (docs/api.md, operator, owners and API keys).

alter table sharing.companies
    add column status     text not null default 'active' check (status in ('active', 'suspended')),
    add column created_at timestamptz not null default now();

-- An email is an owner at most once per company, but may be an owner of several companies.
alter table sharing.owner_accounts drop constraint owner_accounts_email_key;
alter table sharing.owner_accounts
    alter column password_hash drop not null,
    add column role             text not null default 'admin' check (role in ('admin', 'editor', 'viewer')),
    add column status           text not null default 'active' check (status in ('invited', 'active', 'disabled')),
    add column created_at       timestamptz not null default now(),
    add column last_login_at    timestamptz,
    -- Owner access tokens carry the generation they were issued in; moving it refuses them all.
    add column token_generation bigint not null default 0,
    -- The one earlier token that survives a password change: the one that made it.
    add column kept_token_id    text,
    add constraint owner_accounts_company_email_key unique (company_id, email),
    add constraint owner_accounts_password_check check (status = 'invited' or password_hash is not null);
create index owner_accounts_email_idx on sharing.owner_accounts (email);

create table sharing.owner_invites (
    token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
    owner_id   uuid not null references sharing.owner_accounts (id) on delete cascade,
    company_id uuid not null references sharing.companies (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index owner_invites_owner_idx on sharing.owner_invites (owner_id);
create index owner_invites_expires_idx on sharing.owner_invites (expires_at);

create table sharing.api_keys (
    id           uuid primary key,
    company_id   uuid not null references sharing.companies (id) on delete cascade,
    name         text not null,
    role         text not null check (role in ('admin', 'editor', 'viewer')),
    key_hash     text not null check (key_hash ~ '^[0-9a-f]{64}$'),
    prefix       text not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_keys_key_hash_key unique (key_hash)
);
create index api_keys_company_idx on sharing.api_keys (company_id, created_at);

-- A logged-out owner token, kept until it would have expired anyway (housekeeping removes it then).
create table sharing.owner_token_revocations (
    jti        text primary key,
    expires_at timestamptz not null
);
create index owner_token_revocations_expires_idx on sharing.owner_token_revocations (expires_at);
