-- Share statistics (docs/api.md, share statistics) read every event of a share over 30 days: on
-- a busy share thousands of rows spread over the whole heap, ~700 ms when they are not cached
-- (bench/README.md, audit log at scale). With the columns the statistics count carried in the
-- share index they are an index-only scan of a few dozen pages; the index still serves the
-- share filter of the log's pages in (at desc, id desc) order. "if not exists": idempotent, so a
-- database where it was built by hand beforehand (the benchmark's) migrates at once.
create index if not exists audit_events_share_stats_idx on sharing.audit_events (company_id, share_id, at desc, id desc)
    include (type, outcome, actor_type, actor_email, actor_name, actor_id, client_ip)
    where share_id is not null;
drop index if exists sharing.audit_events_share_at_idx;
