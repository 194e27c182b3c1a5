#!/usr/bin/env python3
"""The audit log's cost on the viewers' path (issue 13 point 2, issue 18 point 7): two processes of
the same jar on the same PostgreSQL, one with the audit log on (the default) and one with it off
(SHARING_AUDIT_ENABLED=false), measured in alternating wrk runs on the same share: public resolve
and cached execute (result cache on in both). Writes bench/results/<date>-audit-overhead.md.

Run by hand after a build (bench/README.md, audit overhead):
    python3 bench/audit_overhead.py [--seconds 10] [--rounds 5]
"""
import argparse
import datetime
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import (ADMIN, BENCH, ROOT, Service, cpu_seconds, embedded_pg, flood_env, free_port, on_database,  # noqa: E402
                   http, machine, postgres_cpu_seconds, run_wrk)


def count_events(pg_port):
    import subprocess
    out = subprocess.run(["psql", "-h", "localhost", "-p", str(pg_port), "-U", "postgres", "-Atc",
                          "select count(*) from sharing.audit_events"], capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()


def dropped(service):
    """sharing_audit_dropped_total of a process, by reason, from its /prometheus scrape."""
    import re
    import urllib.request
    with urllib.request.urlopen(service.base + "/prometheus", timeout=30) as resp:
        text = resp.read().decode()
    return {m.group(1): float(m.group(2))
            for m in re.finditer(r'^sharing_audit_dropped_total\{reason="([a-z_]+)"\} ([0-9.eE+]+)', text, re.M)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "5")))
    parser.add_argument("--warmup-seconds", type=int, default=int(os.environ.get("BENCH_WARMUP_SECONDS", "30")))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", "-Xmx256m"))
    args = parser.parse_args()
    java_opts = args.java_opts.split()

    work = tempfile.mkdtemp(prefix="sharing-audit-bench-")
    on_dir, off_dir = os.path.join(work, "on"), os.path.join(work, "off")
    os.makedirs(on_dir)
    os.makedirs(off_dir)
    common = flood_env(secrets.token_urlsafe(48), args.connections)
    services = []
    try:
        on = Service("audit-on", dict(common, PORT=str(free_port()), SHARING_DATA_DIR=on_dir),
                     os.path.join(work, "audit-on.log"), java_opts)
        services.append(on)
        on.wait_ready()
        postmaster, pg_port = embedded_pg(on_dir)
        off = Service("audit-off", dict(common, PORT=str(free_port()), SHARING_DATA_DIR=off_dir,
                                        SHARING_AUDIT_ENABLED="false", **on_database(pg_port)),
                      os.path.join(work, "audit-off.log"), java_opts)
        services.append(off)
        off.wait_ready()

        owner = http("POST", on.base + "/api/v1/auth/login", {"email": ADMIN[0], "password": ADMIN[1]})[1]["access_token"]
        dashboards = http("GET", on.base + "/api/v1/dashboards", token=owner)[1]["dashboards"]
        dashboard = next(d["id"] for d in dashboards if d["slug"] == "sales-overview")
        token = http("POST", on.base + "/api/v1/dashboards/%s/shares" % dashboard, {"name": "audit bench"}, owner)[1]["token"]
        events_before = count_events(pg_port)

        targets = []
        for name, service in (("on", on), ("off", off)):
            targets.append(("resolve", name, service, service.base + "/api/v1/public/shares/%s/resolve" % token, None))
            targets.append(("execute (cached)", name, service, service.base + "/api/v1/public/shares/%s/execute" % token, "post.lua"))

        print("warming up (%d s per target) ..." % args.warmup_seconds, flush=True)
        served_on = 0
        for _, name, _, url, script in targets:
            res = run_wrk(url, args.warmup_seconds, args.connections, args.threads, script)
            if name == "on":
                served_on += res["requests"]

        results = {(t[0], t[1]): [] for t in targets}
        for r in range(args.rounds):
            # on and off alternate within each round, so drifts of a shared machine hit both alike
            first, second = (targets[:2], targets[2:]) if r % 2 == 0 else (targets[2:], targets[:2])
            order = [t for pair in zip(first, second) for t in pair]
            for target, name, service, url, script in order:
                before, pg_before = cpu_seconds(service.proc.pid), postgres_cpu_seconds(postmaster)
                res = run_wrk(url, args.seconds, args.connections, args.threads, script)
                res["cpu_us"] = 1e6 * (cpu_seconds(service.proc.pid) - before) / max(1, res["requests"])
                res["pg_us"] = 1e6 * (postgres_cpu_seconds(postmaster) - pg_before) / max(1, res["requests"])
                results[(target, name)].append(res)
                if name == "on":
                    served_on += res["requests"]
                print("round %d %-18s audit %-3s %9.1f rps  p50 %6.2f ms  p99 %6.2f ms  non-2xx %d  CPU/req %.0f us, postgres %.0f us  (load %.1f)"
                      % (r + 1, target, name, res["rps"], res["p50"], res["p99"], res["non2xx"], res["cpu_us"], res["pg_us"],
                         os.getloadavg()[0]), flush=True)
        time.sleep(5)
        events_after = count_events(pg_port)
        drops = dropped(on)

        info = machine()
        lines = ["# Audit log overhead %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "",
                 "Machine: %d cores, %s, %s RAM, kernel %s; %s; JVM options `%s`; %d rounds of %d s, "
                 "%d connections, after %d s of warm-up per target; load average at the end %.2f %.2f %.2f."
                 % (info["nproc"], info["cpu"], info["memory"], info["kernel"], info["java"], args.java_opts,
                    args.rounds, args.seconds, args.connections, args.warmup_seconds, *os.getloadavg()), "",
                 "Requests the audit-on process answered on the two targets (warm-up included): %d; events in "
                 "sharing.audit_events before: %s, after: %s; its sharing_audit_dropped_total: %s. An event the "
                 "writer could not keep up with is counted there, and costs less than one written, so the "
                 "ratios below hold for the events kept." % (served_on, events_before, events_after, drops or "none"), "",
                 "| target | audit | median rps | rps per round | p50 ms | p99 ms | service CPU/req us | PostgreSQL CPU/req us | non-2xx |", "|---|---|---|---|---|---|---|---|---|"]
        for target in ("resolve", "execute (cached)"):
            for name in ("on", "off"):
                runs = results[(target, name)]
                lines.append("| %s | %s | %.1f | %s | %.2f | %.2f | %.0f | %.0f | %d |" % (
                    target, name, statistics.median(x["rps"] for x in runs), ", ".join("%.0f" % x["rps"] for x in runs),
                    statistics.median(x["p50"] for x in runs), statistics.median(x["p99"] for x in runs),
                    statistics.median(x["cpu_us"] for x in runs), statistics.median(x["pg_us"] for x in runs),
                    sum(x["non2xx"] for x in runs)))
        lines += ["", "| target | on / off (median rps) | median of per-round on/off | CPU/req on / off |", "|---|---|---|---|"]
        for target in ("resolve", "execute (cached)"):
            on_runs, off_runs = results[(target, "on")], results[(target, "off")]
            per_round = statistics.median(a["rps"] / b["rps"] for a, b in zip(on_runs, off_runs))
            lines.append("| %s | %.2f | %.2f | %.2f |" % (
                target, statistics.median(x["rps"] for x in on_runs) / statistics.median(x["rps"] for x in off_runs),
                per_round, statistics.median(x["cpu_us"] for x in on_runs) / max(1e-9, statistics.median(x["cpu_us"] for x in off_runs))))
        report = "\n".join(lines) + "\n"
        print()
        print(report)
        path = os.path.join(BENCH, "results", datetime.datetime.now().strftime("%Y-%m-%d") + "-audit-overhead.md")
        with open(path, "w") as f:
            f.write(report)
        print("written to " + os.path.relpath(path, ROOT))
    finally:
        for s in services:
            s.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
