-- The audit log at scale (bench/README.md, "bench/audit.py"): 10 million events (-v events=N) in
-- sharing.audit_events over the last 90 days (SHARING_AUDIT_RETENTION's default), spread over 100
-- companies: acme (the demo company, whose admin the benchmark signs in as) and the first 99 of
-- bench/scale.sql's platform (run it first with -v companies=99). acme gets the same shape as a
-- scale company here: 10 share contexts of 10 members, 100 shares of sales-overview, the first 10
-- bound to the contexts.
--
--   psql -h localhost -p <port> -U postgres -d postgres -v events=10000000 -f bench/audit.sql
--
-- The events are written in time order, as the service writes them, month by month into the
-- monthly partitions (created here the way the service's partition job names them, so that
-- nothing lands in the default partition). Per company, a share is picked with a skew (share n
-- of 100 with probability ~ n^(1/3) steps: the first share takes about 21% of its company's
-- traffic), so "a share's stats" is measured on the busiest share there is.
--
-- Mix of types (viewer traffic dominates, as in a real log): dashboard.executed 50%,
-- share.resolved 20%, filter.options 10%, widget.exported 3%, embed.viewed 8%,
-- portal.signed_in 1%, portal.code_requested 1%, portal.sign_in_failed 0.3%, the rest owner
-- changes. 3% of viewer events are refusals (TOKEN_INVALID, RATE_LIMITED,
-- SHARE_FILTER_POLICY_VIOLATION). Anonymous clients come from 5,000 /24 networks.
\set ON_ERROR_STOP on
\if :{?events}
\else
  \set events 10000000
\endif

begin;
insert into sharing.share_contexts (id, company_id, name, created_at)
select gen_random_uuid(), co.id, 'Partners ' || k, now() - k * interval '1 minute'
from sharing.companies co cross join generate_series(1, 10) k
where co.slug = 'acme'
  and not exists (select 1 from sharing.share_contexts x where x.company_id = co.id and x.name = 'Partners ' || k);

insert into sharing.share_context_members (id, context_id, member_type, email, created_at)
select gen_random_uuid(), sc.id, 'external_email', 'member' || m || '.' || left(sc.id::text, 8) || '@acme-partner.test', now()
from sharing.share_contexts sc join sharing.companies co on co.id = sc.company_id
cross join generate_series(1, 10) m
where co.slug = 'acme' and sc.name like 'Partners %'
on conflict (context_id, email) do nothing;

insert into sharing.shares (id, company_id, dashboard_id, name, share_type, context_id, token_hash, created_at, updated_at)
select gen_random_uuid(), co.id, d.id, 'Audit bench share ' || s, 'link',
       case when s <= 10 then (select sc.id from sharing.share_contexts sc
                               where sc.company_id = co.id and sc.name = 'Partners ' || s) end,
       encode(sha256(convert_to(co.slug || '/audit-share/' || s, 'UTF8')), 'hex'),
       now() - s * interval '1 minute', now()
from sharing.companies co
join sharing.dashboards d on d.company_id = co.id and d.slug = 'sales-overview'
cross join generate_series(1, 100) s
where co.slug = 'acme'
on conflict (token_hash) do nothing;

-- The 100 companies, numbered 0..99, with their shares (in order), contexts and members.
create table if not exists public.bench_audit_companies (
    n int primary key, company_id uuid, dashboard_id uuid, owner_id text, shares uuid[], contexts uuid[], emails text[]);
truncate public.bench_audit_companies;
insert into public.bench_audit_companies
select row_number() over (order by co.slug = 'acme' desc, co.slug) - 1, co.id, d.id,
       coalesce((select o.id::text from sharing.owner_accounts o where o.company_id = co.id limit 1), gen_random_uuid()::text),
       (select array_agg(sh.id order by sh.created_at desc) from sharing.shares sh
        where sh.company_id = co.id and (sh.name like 'Share %' or sh.name like 'Audit bench share %')),
       (select array_agg(sc.id order by sc.name) from sharing.share_contexts sc
        where sc.company_id = co.id and sc.name like 'Partners %'),
       (select array_agg(m.email order by m.email) from sharing.share_context_members m
        join sharing.share_contexts sc on sc.id = m.context_id where sc.company_id = co.id and sc.name like 'Partners %')
from sharing.companies co
join sharing.dashboards d on d.company_id = co.id and d.slug = 'sales-overview'
where co.slug = 'acme' or co.slug between 'scale-0001' and 'scale-0099';
commit;

select count(*) as companies, min(cardinality(shares)) as min_shares, min(cardinality(emails)) as min_members
from public.bench_audit_companies;

-- Monthly partitions over the 90 days and the months the service's job makes ahead.
do $$
declare
    m date := date_trunc('month', (now() at time zone 'utc') - interval '91 days')::date;
    last date := date_trunc('month', (now() at time zone 'utc') + interval '3 months')::date;
    name text;
begin
    while m <= last loop
        name := 'audit_events_' || to_char(m, 'YYYY_MM');
        if to_regclass('sharing.' || name) is null then
            execute format('create table sharing.%I partition of sharing.audit_events for values from (%L) to (%L)',
                           name, (m::timestamp at time zone 'utc'), ((m + interval '1 month')::timestamp at time zone 'utc'));
        end if;
        m := (m + interval '1 month')::date;
    end loop;
end $$;

-- In chunks of a million, each its own transaction, oldest first.
select least(1000000, :events) as chunk \gset
select :events / :chunk as chunks, now() as generated_at \gset

create or replace procedure pg_temp.audit_chunk(lo bigint, hi bigint, total bigint, base timestamptz)
language sql as $proc$
insert into sharing.audit_events (id, at, company_id, type, flow, actor_type, actor_id, actor_email, actor_name,
                                  dashboard_id, share_id, context_id, parameters, details, outcome, row_count,
                                  client_ip, user_agent, request_id)
select gen_random_uuid(), e.at, c.company_id, e.type,
       case when e.type in ('embed.viewed') or (e.viewer and e.embed) then 'embed'
            when not e.viewer then 'owner'
            when e.type like 'portal.%' or e.si <= 10 then 'portal' else 'public' end,
       case when not e.viewer then 'owner'
            when e.type = 'embed.viewed' or e.embed then 'embed'
            when e.type like 'portal.%' or e.si <= 10 then 'email' else 'anonymous' end,
       case when not e.viewer then c.owner_id
            when e.type = 'embed.viewed' or e.embed then 'jti-' || (e.g % 50000) end,
       case when not e.viewer then 'admin@' || c.n || '.test'
            when e.type = 'embed.viewed' or e.embed then null
            when e.type like 'portal.%' or e.si <= 10 then c.emails[1 + (e.g % cardinality(c.emails))] end,
       case when e.viewer and (e.type = 'embed.viewed' or e.embed) then 'customer-' || (e.g % 2000) end,
       case when e.type not like 'portal.%' then c.dashboard_id end,
       case when e.viewer and e.type not like 'portal.%' and e.type <> 'embed.viewed' and not e.embed
                 or e.type = 'share.created' then c.shares[e.si] end,
       case when e.viewer and e.si <= 10 and e.type not like 'portal.%' and e.type <> 'embed.viewed' and not e.embed
            then c.contexts[e.si] end,
       case when e.type in ('dashboard.executed', 'widget.exported', 'filter.options')
            then jsonb_build_object('region', (array['EU', 'US', 'APAC'])[1 + e.g % 3], 'period_start', '2026-01-01')
            else '{}'::jsonb end,
       case when e.type = 'widget.exported' then jsonb_build_object('widget', 'orders', 'format', 'csv')
            else '{}'::jsonb end,
       case when e.viewer and e.ro < 0.03 then (array['TOKEN_INVALID', 'RATE_LIMITED', 'SHARE_FILTER_POLICY_VIOLATION'])[1 + e.g % 3]
            else 'ok' end,
       case when e.type in ('dashboard.executed', 'widget.exported') then (e.g % 500)::int end,
       '198.51.' || (e.g % 20) || '.' || (e.g % 250) || '.0',
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
       md5(e.g::text)
from (
    select t.*, t.type not in ('dashboard.updated', 'share.created', 'owner.signed_in') as viewer,
           t.embed_draw and t.type in ('dashboard.executed', 'filter.options', 'widget.exported') as embed
    from (
        select g, base - interval '90 days' + (g::float8 / total) * interval '90 days' as at,
               (g * 7919 % 100)::int as cn,
               1 + least(99, floor(100 * power(random(), 3)))::int as si,
               random() as ro,
               random() < 0.1 as embed_draw,
               case when r < 0.50 then 'dashboard.executed' when r < 0.70 then 'share.resolved'
                    when r < 0.80 then 'filter.options' when r < 0.83 then 'widget.exported'
                    when r < 0.91 then 'embed.viewed' when r < 0.92 then 'portal.signed_in'
                    when r < 0.93 then 'portal.code_requested' when r < 0.933 then 'portal.sign_in_failed'
                    when r < 0.96 then 'dashboard.updated' when r < 0.98 then 'share.created'
                    else 'owner.signed_in' end as type
        from (select g, random() as r from generate_series(lo, hi) g) x
    ) t
) e
join public.bench_audit_companies c on c.n = e.cn;
$proc$;

select format('call pg_temp.audit_chunk(%s, %s, %s, %L)', k * :chunk + 1, (k + 1) * :chunk, :events,
              :'generated_at')
from generate_series(0, :chunks - 1) k \gexec

analyze sharing.audit_events;
select count(*) as events, count(distinct company_id) as companies, min(at) as oldest, max(at) as newest
from sharing.audit_events;
select count(*) as in_default_partition from sharing.audit_events_default;
