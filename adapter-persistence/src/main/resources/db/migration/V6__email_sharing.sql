-- Email sharing for real customers (docs/api.md, share contexts and portal sessions; README, mail outbox).

-- A member admits one address (external_email) or everyone exactly at one domain (email_domain),
-- until expires_at if set. Both are stored normalised (lower case, punycode), so equality is the match.
alter table sharing.share_context_members
    alter column email drop not null,
    add column domain text check (domain = lower(domain)),
    add column expires_at timestamptz;
alter table sharing.share_context_members drop constraint share_context_members_member_type_check;
alter table sharing.share_context_members add constraint share_context_members_member_type_check check (
    (member_type = 'external_email' and email is not null and domain is null)
    or (member_type = 'email_domain' and domain is not null and email is null));
-- Unique constraints treat NULLs as distinct: each key binds only its own member type.
alter table sharing.share_context_members
    add constraint share_context_members_context_domain_key unique (context_id, domain);
create index share_context_members_domain_idx on sharing.share_context_members (domain) where domain is not null;

-- The last portal request of a session, written at most once a minute per session.
alter table sharing.share_sessions add column last_seen_at timestamptz;
update sharing.share_sessions set last_seen_at = created_at;
alter table sharing.share_sessions alter column last_seen_at set not null;

-- Mail waiting to be sent, written in the transaction of what it announces. The body is sealed
-- (AES-GCM under a key derived from SHARING_SECRET, bound to id, kind and recipient): a database
-- dump holds no code. Senders take one row at a time with FOR UPDATE SKIP LOCKED, so no two
-- instances ever send the same mail; a row goes once sent or past its deadline.
create table sharing.mail_outbox (
    id              uuid primary key,
    kind            text not null,
    recipient       text not null check (recipient = lower(recipient)),
    -- a newer mail of the same topic (one person's code at one company) replaces an unsent one
    topic           text not null,
    sealed_body     bytea not null,
    created_at      timestamptz not null,
    deadline        timestamptz not null,
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null
);
create index mail_outbox_due_idx on sharing.mail_outbox (least(next_attempt_at, deadline), created_at, id);
create index mail_outbox_topic_idx on sharing.mail_outbox (topic);
