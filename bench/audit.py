#!/usr/bin/env python3
"""The audit log at scale (bench/README.md, "bench/audit.py"; issue 13, point 5): the service jar,
started by bin/sharing-service on its embedded PostgreSQL, with 10 million audit events across 100
companies (bench/scale.sql with 99 companies, then bench/audit.sql), read through the HTTP API as
acme's admin: filtered first pages of GET /api/v1/audit/events (target: under 100 ms) and
GET /api/v1/shares/{id}/stats (target: under 200 ms).

Each target: its first request (as cold as the run makes it), then --warmup requests, then
--requests timed ones, one at a time (the latency of one owner's request, not a throughput test);
the client's wall time per request with urllib (its own overhead is well under a millisecond).
The share statistics are also taken once each over 20 different shares of 20 companies' busiest
share, which no earlier request read (the cold case), but as acme's admin only acme's shares are
reachable, so those 20 are acme's shares 1..20.

--data-dir reuses a directory where the events were generated before (generation takes ~15 min on
2 cores); without it a temporary one is made and generated. Writes bench/results/<date>-audit.md
with the plans (EXPLAIN ANALYZE of the statements the service sends) beside the numbers.
Standard library only; reuses bench.py's and process.py's helpers.
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as b  # noqa: E402
import process as p  # noqa: E402


def psql(port, sql, *args):
    out = subprocess.run(["psql", "-h", "localhost", "-p", str(port), "-U", "postgres", "-d", "postgres", "-At",
                          "-F", "\t"] + list(args) + ["-c", sql], capture_output=True, text=True, check=True).stdout
    return [line.split("\t") for line in out.strip().splitlines()]


def timed_get(url, token):
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    started = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as resp:
        body = resp.read()
        status = resp.status
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise SystemExit("%s answered %d" % (url, status))
    return elapsed, json.loads(body)


def measure(label, url, token, warmup, requests):
    first, answer = timed_get(url, token)
    for _ in range(warmup):
        timed_get(url, token)
    times = sorted(timed_get(url, token)[0] for _ in range(requests))
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    size = len(answer["events"]) if "events" in answer else len(answer.get("by_day", []))
    row = {"label": label, "first": first, "p50": statistics.median(times), "p95": p95, "max": times[-1],
           "size": size, "answer": answer}
    print("%-58s first %7.1f  p50 %6.1f  p95 %6.1f  max %6.1f ms  (%d items)"
          % (label, first, row["p50"], row["p95"], row["max"], size), flush=True)
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", help="a data directory whose events were generated before")
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--warmup-seconds", type=int, default=30,
                        help="all targets in turn before any is timed, so that the JIT has compiled the read path")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    work = args.data_dir or tempfile.mkdtemp(prefix="sharing-audit-")
    generate = args.data_dir is None
    os.makedirs(work, exist_ok=True)
    env = {"SHARING_ADMIN_EMAIL": b.ADMIN[0], "SHARING_ADMIN_PASSWORD": b.ADMIN[1], "PORT": str(b.free_port()),
           "SHARING_DATA_DIR": work}
    service = p.Launched("audit", env, os.path.join(work, "audit-bench.log"))
    generated = None
    try:
        service.wait_ready()
        _, pg_port = b.embedded_pg(work)
        if generate:
            started = time.perf_counter()
            print("generating the platform and %d events ..." % args.events, flush=True)
            for script, var in (("scale.sql", "companies=99"), ("audit.sql", "events=%d" % args.events)):
                subprocess.run(["psql", "-h", "localhost", "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
                                "-q", "-v", var, "-f", os.path.join(b.BENCH, script)], check=True)
            generated = time.perf_counter() - started
        counts = psql(pg_port, "select count(*), count(distinct company_id), min(at), max(at) from sharing.audit_events")[0]
        sizes = psql(pg_port, "select pg_size_pretty(sum(pg_total_relation_size(i.inhrelid))),"
                              " pg_size_pretty(sum(pg_relation_size(i.inhrelid))) from pg_inherits i"
                              " where i.inhparent = 'sharing.audit_events'::regclass")[0]
        company, hot, mid, context, email, dashboard = psql(
            pg_port, "select company_id, shares[1], shares[50], contexts[1], emails[1], dashboard_id"
                     " from public.bench_audit_companies where n = 0")[0]
        others = [r[0] for r in psql(pg_port, "select unnest(shares[2:21]) from public.bench_audit_companies where n = 0")]
        per_share = psql(pg_port, "select count(*) filter (where at >= now() - interval '30 days'), count(*)"
                                  " from sharing.audit_events where company_id = '%s' and share_id = '%s'" % (company, hot))[0]
        status, login = b.http("POST", service.base + "/api/v1/auth/login", {"email": b.ADMIN[0], "password": b.ADMIN[1]})
        if status != 200:
            raise SystemExit("login failed: %s %s" % (status, login))
        token = login["access_token"]
        base = service.base + "/api/v1/audit/events?"
        week = (datetime.datetime.utcnow() - datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
        q = urllib.parse.urlencode
        rows = []
        print("measuring (%d warm-up and %d timed requests per target, one at a time) ..." % (args.warmup, args.requests),
              flush=True)
        pages = [("first page, no filter", {}),
                 ("share_id (the busiest share)", {"share_id": hot}),
                 ("type, a rare one (portal.sign_in_failed)", {"type": "portal.sign_in_failed"}),
                 ("type list and from (last 7 days)", {"type": "widget.exported,portal.sign_in_failed", "from": week}),
                 ("actor (a member's email, any case)", {"actor": email.upper()}),
                 ("dashboard_id", {"dashboard_id": dashboard}),
                 ("context_id", {"context_id": context}),
                 ("share_id + type + from, limit 1000", {"share_id": hot, "type": "dashboard.executed", "from": week,
                                                        "limit": "1000"})]
        urls = [("events: " + label, base + q(dict({"limit": "100"}, **params))) for label, params in pages]
        firsts = {label: timed_get(url, token)[0] for label, url in urls}
        stats_url = service.base + "/api/v1/shares/%s/stats"
        firsts["stats"] = timed_get(stats_url % hot, token)[0]
        print("first requests (cold): " + ", ".join("%s %.0f ms" % (k, v) for k, v in firsts.items()), flush=True)
        print("warming up for %d s (every target in turn) ..." % args.warmup_seconds, flush=True)
        deadline = time.time() + args.warmup_seconds
        while time.time() < deadline:
            for _, url in urls + [("stats", stats_url % mid)]:
                timed_get(url, token)
        for label, url in urls:
            row = measure(label, url, token, args.warmup, args.requests)
            row["first"] = firsts[label]
            rows.append(row)
        cursor = rows[1]["answer"]["next_cursor"]
        rows.append(measure("events: share_id, second page (cursor)", base + q({"share_id": hot, "limit": "100",
                                                                                  "cursor": cursor}),
                            token, args.warmup, args.requests))
        rows[-1]["first"] = None  # its cursor exists only after the first page: never read cold
        rows.append(measure("stats: the busiest share (%s events in 30 days)" % per_share[0], stats_url % hot, token,
                            args.warmup, args.requests))
        rows[-1]["first"] = firsts["stats"]
        rows.append(measure("stats: share 50 of 100", stats_url % mid, token, args.warmup, args.requests))
        cold = [timed_get(stats_url % s, token)[0] for s in others]
        print("stats of 20 shares never read before: p50 %.1f max %.1f ms" % (statistics.median(cold), max(cold)))
        plans = explain(pg_port, company, hot, week)
        write(rows, cold, counts, sizes, per_share, generated, plans, args)
    finally:
        service.stop()
        if not args.keep and args.data_dir is None:
            shutil.rmtree(work, ignore_errors=True)


def explain(port, company, share, week):
    """The plans of the statements JooqAuditEvents sends for two of the targets (same shape, literals inlined)."""
    page = ("select * from sharing.audit_events where company_id = '%s' and share_id = '%s'"
            " order by at desc, id desc limit 101" % (company, share))
    typed = ("select * from sharing.audit_events where company_id = '%s' and at >= '%s'"
             " and type in ('portal.sign_in_failed', 'widget.exported') order by at desc, id desc limit 101" % (company, week))
    stats = ("select (at at time zone 'UTC')::date, grouping((at at time zone 'UTC')::date),"
             " count(*) filter (where type in ('share.resolved', 'embed.viewed')),"
             " count(*) filter (where type = 'dashboard.executed'), count(*) filter (where type = 'widget.exported'),"
             " count(distinct case when actor_type = 'email' then 'email:' || lower(actor_email)"
             " when actor_type = 'embed' then 'embed:' || coalesce(actor_name, actor_id, '')"
             " when actor_type = 'anonymous' then 'ip:' || coalesce(client_ip, '')"
             " else actor_type || ':' || coalesce(actor_id, '') end),"
             " max(at) filter (where type in ('share.resolved', 'embed.viewed'))"
             " from sharing.audit_events where company_id = '%s' and share_id = '%s'"
             " and at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - interval '29 days'"
             " and type in ('share.resolved', 'embed.viewed', 'dashboard.executed', 'widget.exported')"
             " and outcome = 'ok' group by grouping sets ((1), ())" % (company, share))
    out = []
    for label, sql in (("share_id page", page), ("type list + from page", typed), ("share statistics", stats)):
        plan = subprocess.run(["psql", "-h", "localhost", "-p", str(port), "-U", "postgres", "-d", "postgres", "-At",
                               "-c", "explain (analyze, buffers, costs off) " + sql], capture_output=True, text=True,
                              check=True).stdout
        out.append((label, plan.strip()))
    return out


def write(rows, cold, counts, sizes, per_share, generated, plans, args):
    info = b.machine()
    lines = ["# Audit log at scale %s UTC" % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), "",
             "`python3 bench/audit.py` on %d cores, %s, %s RAM, kernel %s; %s; embedded PostgreSQL 16.10;"
             " load average at the end %.2f %.2f %.2f (the machine was shared with other builds)."
             % (info["nproc"], info["cpu"], info["memory"], info["kernel"], info["java"], *os.getloadavg()), "",
             "Log: %s events of %s companies from %s to %s; %s on disk with indexes (%s of table data)%s."
             % (counts[0], counts[1], counts[2], counts[3], sizes[0], sizes[1],
                "" if generated is None else ", generated in %.0f s" % generated),
             "The busiest share of acme: %s events in the last 30 days, %s in the log." % (per_share[0], per_share[1]), "",
             "Through the HTTP API on the running jar (bin/sharing-service), as acme's admin; one request at a time;"
             " the first request of each target right after the start (cold: JIT, caches), then %d s of every target"
             " in turn, then per target %d warm-up and %d timed requests; client wall time in ms."
             % (args.warmup_seconds, args.warmup, args.requests), "",
             "| target | first request (cold) | p50 | p95 | max | items | goal | met (p95) |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        # The goals are the issue's: a filtered first page (of the default 100) and a share's stats.
        goal = 200 if r["label"].startswith("stats") else None if "limit 1000" in r["label"] else 100
        lines.append("| %s | %s | %.1f | %.1f | %.1f | %d | %s | %s |" % (
            r["label"], "—" if r["first"] is None else "%.1f" % r["first"], r["p50"], r["p95"], r["max"], r["size"],
            "—" if goal is None else "< %d" % goal, "—" if goal is None else "yes" if r["p95"] < goal else "no"))
    lines += ["", "Share statistics of 20 shares no request had read before (one request each): p50 %.1f ms, max %.1f ms."
              % (statistics.median(cold), max(cold)), "", "## Plans (EXPLAIN ANALYZE, after the run)", ""]
    for label, plan in plans:
        lines += ["### " + label, "", "```", plan, "```", ""]
    text = "\n".join(lines)
    path = os.path.join(b.BENCH, "results", datetime.datetime.utcnow().strftime("%Y-%m-%d") + "-audit.md")
    with open(path, "w") as f:
        f.write(text)
    print("written to " + os.path.relpath(path, b.ROOT))


if __name__ == "__main__":
    main()
