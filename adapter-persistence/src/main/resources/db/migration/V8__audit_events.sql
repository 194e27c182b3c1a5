-- The audit log (docs/api.md, audit log): one row per event, range-partitioned by month on "at"
-- so that retention drops whole partitions and a company's filtered page reads one or two of
-- them. Monthly partitions are created ahead by a job (adapter-persistence audit partitions); the
-- default partition only catches what falls outside them, so no insert ever fails for want of one.
-- Actor columns: actor_id (owner id, API key id, embed jti), actor_email (portal viewer, owner),
-- actor_name (API key name, embed sub). parameters and details are JSON objects; never a token,
-- code, password or secret.
create table sharing.audit_events (
    id           uuid        not null,
    at           timestamptz not null,
    company_id   uuid        not null,
    type         text        not null,
    flow         text        not null,
    actor_type   text        not null,
    actor_id     text,
    actor_email  text,
    actor_name   text,
    dashboard_id uuid,
    share_id     uuid,
    context_id   uuid,
    parameters   jsonb       not null default '{}'::jsonb,
    details      jsonb       not null default '{}'::jsonb,
    outcome      text        not null,
    row_count    integer,
    client_ip    text,
    user_agent   text,
    request_id   text,
    primary key (at, id)
) partition by range (at);

create table sharing.audit_events_default partition of sharing.audit_events default;

-- A company's log newest first, and the filtered variants the console and the statistics read.
create index audit_events_company_at_idx on sharing.audit_events (company_id, at desc, id desc);
create index audit_events_share_at_idx on sharing.audit_events (company_id, share_id, at desc, id desc) where share_id is not null;
create index audit_events_dashboard_at_idx on sharing.audit_events (company_id, dashboard_id, at desc, id desc) where dashboard_id is not null;
create index audit_events_context_at_idx on sharing.audit_events (company_id, context_id, at desc, id desc) where context_id is not null;
create index audit_events_actor_email_idx on sharing.audit_events (company_id, lower(actor_email), at desc, id desc) where actor_email is not null;
create index audit_events_actor_id_idx on sharing.audit_events (company_id, actor_id, at desc, id desc) where actor_id is not null;
-- The type filter (a console's "refused requests only" view reads a rare type among many).
create index audit_events_type_at_idx on sharing.audit_events (company_id, type, at desc, id desc);
-- last_sign_in_at of context members (docs/api.md, audit log): the portal's successful sign-ins
-- only, a small part of the log, by email.
create index audit_events_sign_in_idx on sharing.audit_events (company_id, lower(actor_email), at desc)
    where type = 'portal.signed_in' and outcome = 'ok' and actor_email is not null;
