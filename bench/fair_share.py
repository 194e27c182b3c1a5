#!/usr/bin/env python3
"""Fair use of a data source (bench/README.md, "bench/fair_share.py"; issue 17, point 2).

The issue's measurement, reproduced: a dashboard of slow widgets (`pg_sleep`) hammered by many
clients with new parameter values each time (every request a cache miss), and beside it a
different dashboard on the same data source (the demo's sales-overview, also with new values each
time), one client. Counts the answers of each and how long the refusals (429) took.

Runs each jar given (`--jar LABEL=PATH`, e.g. the jar built from main before the change and the
one after), one after another, each on its own fresh embedded PostgreSQL with the product's
defaults for the demo source (pool 5, the fair share at its default), execution quotas off.
Writes bench/results/<date>-fair-share.md. Standard library only; reuses bench.py's helpers.

    bench/fair_share.py --jar before=/tmp/before.jar --jar after=bootstrap/target/sharing-service.jar
"""
import argparse
import datetime
import json
import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as b  # noqa: E402


def post(url, body):
    """(status, milliseconds); never raises for an HTTP status."""
    data = json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        e.read()
        status = e.code
    except OSError:
        status = 0
    return status, (time.monotonic() - started) * 1000


def slow_document(sleep, widgets):
    return {"slug": "slow", "name": "Slow", "data_source": "demo",
            "filters": [{"slug": "n", "label": "N", "kind": "number", "required": False}],
            "widgets": [{"slug": "slept_%d" % i, "title": "Slept %d" % i, "visualization": "number",
                         "sql": "select pg_sleep(%d) is null as slept, :n::numeric as n" % sleep}
                        for i in range(widgets)]}


def one_run(label, jar, args, work):
    b.JAR = jar
    data_dir = os.path.join(work, label)
    os.makedirs(data_dir)
    env = {"SHARING_SECRET": secrets.token_urlsafe(48), "SHARING_ADMIN_EMAIL": b.ADMIN[0],
           "SHARING_ADMIN_PASSWORD": b.ADMIN[1], "PORT": str(b.free_port()), "SHARING_DATA_DIR": data_dir,
           "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE": "0"}
    service = b.Service(label, env, os.path.join(work, label + ".log"), args.java_opts.split())
    try:
        service.wait_ready()
        base = service.base
        status, login = b.http("POST", base + "/api/v1/auth/login", {"email": b.ADMIN[0], "password": b.ADMIN[1]})
        owner = login["access_token"]
        status, slow = b.http("POST", base + "/api/v1/dashboards", slow_document(args.sleep, args.widgets), owner)
        assert status == 201, (status, slow)
        status, dashboards = b.http("GET", base + "/api/v1/dashboards", None, owner)
        items = dashboards["dashboards"]
        sales = next(d["id"] for d in items if d["slug"] == "sales-overview")
        tokens = {}
        for name, dashboard in (("slow", slow["id"]), ("fast", sales)):
            status, share = b.http("POST", base + "/api/v1/dashboards/%s/shares" % dashboard,
                                   {"name": name, "share_type": "link"}, owner)
            assert status == 201, (status, share)
            tokens[name] = share["token"]
        # Warm the fast route up (JIT, pool) with a few answers the run does not count.
        for i in range(5):
            post(base + "/api/v1/public/shares/%s/execute" % tokens["fast"],
                 {"parameters": {"period_start": "2024-01-%02d" % (i + 1)}})

        answers = {"slow": [], "fast": []}
        lock = threading.Lock()
        end = time.monotonic() + args.seconds
        counter = iter(range(10 ** 9))

        def hammer():
            while time.monotonic() < end:
                with lock:
                    n = next(counter)
                status, ms = post(base + "/api/v1/public/shares/%s/execute" % tokens["slow"], {"parameters": {"n": n}})
                with lock:
                    answers["slow"].append((status, ms))
                if status == 429:
                    time.sleep(args.pause)

        def probe():
            day = datetime.date(2024, 2, 1)
            while time.monotonic() < end:
                day += datetime.timedelta(days=1)
                status, ms = post(base + "/api/v1/public/shares/%s/execute" % tokens["fast"],
                                  {"parameters": {"period_start": day.isoformat()}})
                answers["fast"].append((status, ms))
                time.sleep(args.probe_interval)

        threads = [threading.Thread(target=hammer) for _ in range(args.clients)]
        for t in threads:
            t.start()
        time.sleep(1)
        prober = threading.Thread(target=probe)
        prober.start()
        for t in threads + [prober]:
            t.join()
        return summarize(answers)
    finally:
        service.stop()


def summarize(answers):
    out = {}
    for name, rows in answers.items():
        by_status = {}
        for status, ms in rows:
            by_status.setdefault(status, []).append(ms)
        refused = by_status.get(429, [])
        served = by_status.get(200, [])
        out[name] = {"total": len(rows), "statuses": {str(k): len(v) for k, v in sorted(by_status.items())},
                     "refusal_p50_ms": statistics.median(refused) if refused else None,
                     "refusal_max_ms": max(refused) if refused else None,
                     "ok_p50_ms": statistics.median(served) if served else None,
                     "ok_max_ms": max(served) if served else None}
    return out


def fmt(value):
    return "-" if value is None else "%.0f" % value


def render(results, args, info):
    lines = ["# Fair use of a data source (%s)" % datetime.date.today().isoformat(), "",
             "bench/fair_share.py: %d clients hammer a dashboard of %d widget(s) `pg_sleep(%d)` with a new "
             "parameter value each request (every one a cache miss) for %d s, pausing %.1f s after a 429; one "
             "client asks a different dashboard on the same source (the demo's sales-overview, a new "
             "`period_start` each time) every %.1f s. Demo source at the product defaults (pool 5), execution "
             "quotas off, JVM `%s`." % (args.clients, args.widgets, args.sleep, args.seconds, args.pause,
                                        args.probe_interval, args.java_opts),
             "", "Machine: %d cores, %s, %s, %s." % (info["nproc"], info["cpu"], info["memory"], info["java"]), "",
             "| jar | dashboard | answers | by status | 429 p50 ms | 429 max ms | 200 p50 ms | 200 max ms |",
             "|---|---|---|---|---|---|---|---|"]
    for label, result in results:
        for name in ("slow", "fast"):
            r = result[name]
            statuses = ", ".join("%s: %d" % (k, v) for k, v in r["statuses"].items())
            lines.append("| %s | %s | %d | %s | %s | %s | %s | %s |" % (
                label, name, r["total"], statuses, fmt(r["refusal_p50_ms"]), fmt(r["refusal_max_ms"]),
                fmt(r["ok_p50_ms"]), fmt(r["ok_max_ms"])))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", action="append", default=[],
                        help="LABEL=PATH of a service jar; repeat to compare (default: after=the built jar)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--sleep", type=int, default=30, help="seconds each slow widget sleeps")
    parser.add_argument("--widgets", type=int, default=3, help="slow widgets of the slow dashboard")
    parser.add_argument("--pause", type=float, default=0.2, help="a hammering client's pause after a 429")
    parser.add_argument("--probe-interval", type=float, default=0.5)
    parser.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", "-Xmx256m"))
    parser.add_argument("--out", default=None, help="report path (default bench/results/<date>-fair-share.md)")
    args = parser.parse_args()
    jars = [j.split("=", 1) for j in args.jar] or [["after", b.JAR]]
    work = tempfile.mkdtemp(prefix="sharing-fair-")
    results = []
    for label, jar in jars:
        print("%s: %s ..." % (label, jar), flush=True)
        result = one_run(label, os.path.abspath(jar), args, work)
        print(json.dumps(result, indent=1), flush=True)
        results.append((label, result))
    info = {"nproc": os.cpu_count(), "cpu": "unknown", "memory": "unknown", "java": "unknown"}
    try:
        info = b.machine()
    except (OSError, IndexError):
        pass
    report = render(results, args, info)
    print(report)
    out = args.out or os.path.join(b.BENCH, "results", "%s-fair-share.md" % datetime.date.today().isoformat())
    with open(out, "w") as f:
        f.write(report)
    print("written to %s (service logs in %s)" % (out, work))


if __name__ == "__main__":
    main()
