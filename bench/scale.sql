-- The scale platform of bench/README.md ("Scale"), generated into the service's own schema
-- beside whatever is there: 1,000 companies, each with one copy of the demo's sales-overview
-- dashboard, 100 shares (100,000), 10 share contexts (10,000) of 10 members each (100,000), and
-- 10 of its shares bound to its contexts. Audit events belong to the audit log's own table and
-- generator (the audit issue); they are not made here.
--
--   psql -h localhost -p <port> -U postgres -d postgres -v companies=1000 -f bench/scale.sql
--
-- The port is the embedded PostgreSQL's (bench/process.py reads it from
-- <SHARING_DATA_DIR>/postgres/postmaster.pid). Needs the demo company acme (its dashboard is
-- the one copied). Re-running adds nothing: every row is keyed on its generated slug or name.
\set ON_ERROR_STOP on
\if :{?companies}
\else
  \set companies 1000
\endif

begin;

insert into sharing.companies (id, slug, name, embed_origins)
select gen_random_uuid(), 'scale-' || lpad(c::text, 4, '0'), 'Scale company ' || c, '{https://app.example.com}'
from generate_series(1, :companies) c
on conflict (slug) do nothing;

insert into sharing.dashboards (id, company_id, slug, name, description, data_source, definition, version,
                                created_at, updated_at)
select gen_random_uuid(), co.id, d.slug, d.name, d.description, d.data_source, d.definition, 1, now(), now()
from sharing.companies co
cross join (select d.* from sharing.dashboards d join sharing.companies a on a.id = d.company_id
            where a.slug = 'acme' and d.slug = 'sales-overview') d
where co.slug like 'scale-%'
on conflict (company_id, slug) do nothing;

insert into sharing.share_contexts (id, company_id, name, created_at)
select gen_random_uuid(), co.id, 'Partners ' || k, now() - k * interval '1 minute'
from sharing.companies co cross join generate_series(1, 10) k
where co.slug like 'scale-%'
  and not exists (select 1 from sharing.share_contexts x where x.company_id = co.id and x.name = 'Partners ' || k);

insert into sharing.share_context_members (id, context_id, member_type, email, created_at)
select gen_random_uuid(), sc.id, 'external_email', 'member' || m || '.' || left(sc.id::text, 8) || '@' || co.slug || '.test', now()
from sharing.share_contexts sc join sharing.companies co on co.id = sc.company_id
cross join generate_series(1, 10) m
where co.slug like 'scale-%'
on conflict (context_id, email) do nothing;

-- 100 shares per company: the first 10 bound to its 10 contexts, the rest public links.
insert into sharing.shares (id, company_id, dashboard_id, name, share_type, context_id, token_hash, created_at, updated_at)
select gen_random_uuid(), co.id, d.id, 'Share ' || s, 'link',
       case when s <= 10 then (select sc.id from sharing.share_contexts sc
                               where sc.company_id = co.id and sc.name = 'Partners ' || s) end,
       encode(sha256(convert_to(co.slug || '/share/' || s, 'UTF8')), 'hex'),
       now() - s * interval '1 minute', now()
from sharing.companies co
join sharing.dashboards d on d.company_id = co.id and d.slug = 'sales-overview'
cross join generate_series(1, 100) s
where co.slug like 'scale-%'
on conflict (token_hash) do nothing;

commit;
analyze sharing.companies, sharing.dashboards, sharing.share_contexts, sharing.share_context_members, sharing.shares;

select (select count(*) from sharing.companies) as companies, (select count(*) from sharing.shares) as shares,
       (select count(*) from sharing.share_contexts) as contexts,
       (select count(*) from sharing.share_context_members) as members;
