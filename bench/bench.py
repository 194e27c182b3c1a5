#!/usr/bin/env python3
"""Side-by-side benchmark of the sharing service against its own database (bench/README.md).

Starts two service processes on one embedded PostgreSQL (result cache on, result cache off),
creates a public share, an embed token and a portal session through the API, then measures in
rounds, alternating: (a) public execute cache off / cache on, (b) pgbench running the same four
statements, (c) resolve, embed info and portal dashboard, (d) a trivial endpoint, and (e) a
100,000-row CSV export beside psql's COPY of the same query. Prints and writes
bench/results/<date>.md. Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
JAR = os.path.join(ROOT, "bootstrap", "target", "sharing-service.jar")
ADMIN = ("admin@acme.test", "bench-admin-password-1")
MEMBER = "bench-viewer@partner.test"


def flood_env(secret, connections):
    """The settings of a service the bench floods on one share (bench/README.md, bench-only settings).

    Execution quotas off. The demo source gets as many connections as pgbench has clients ("the
    same concurrency" at the database; the product default is 5), room for every request to wait
    its turn instead of being told 429, and the whole pool for one dashboard (the product keeps
    half for others, docs/operations.md, fair use of a data source).
    """
    return {"SHARING_SECRET": secret, "SHARING_ADMIN_EMAIL": ADMIN[0], "SHARING_ADMIN_PASSWORD": ADMIN[1],
            "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE": "0",
            "SHARING_LIMITS_EXECUTIONS_PER_EMBED_DASHBOARD_PER_MINUTE": "0",
            "SHARING_DATA_SOURCES_DEMO_POOL_SIZE": str(connections),
            "SHARING_DATA_SOURCES_DEMO_MAX_QUEUED_QUERIES": "256",
            "SHARING_DATA_SOURCES_DEMO_QUEUE_TIMEOUT_MS": "10000",
            "SHARING_DATA_SOURCES_DEMO_DASHBOARD_SHARE_PERCENT": "100"}


def on_database(pg_port):
    """The settings of a second process on the first one's embedded PostgreSQL, demo included."""
    return {"SHARING_DEMO": "true", "SHARING_DB_URL": "jdbc:postgresql://localhost:%d/postgres" % pg_port,
            "SHARING_DB_USER": "postgres", "SHARING_DB_PASSWORD": ""}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            raw = resp.read()
            return resp.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, (json.loads(raw) if raw else None)


class Service:
    def __init__(self, name, env, log_path, java_opts):
        self.name = name
        self.port = int(env["PORT"])
        self.base = "http://localhost:%d" % self.port
        self.log_path = log_path
        full_env = dict(os.environ)
        full_env.update(env)
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(["java"] + java_opts + ["-jar", JAR], env=full_env, stdout=self.log,
                                     stderr=subprocess.STDOUT, cwd=env["SHARING_DATA_DIR"])

    def wait_ready(self, timeout=180):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("%s exited early; see %s" % (self.name, self.log_path))
            try:
                if http("GET", self.base + "/health/readiness")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("%s did not become ready; see %s" % (self.name, self.log_path))

    def reset_peak_rss(self):
        try:
            with open("/proc/%d/clear_refs" % self.proc.pid, "w") as f:
                f.write("5")
        except OSError:
            pass

    def peak_rss_mb(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
        return float("nan")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def to_ms(text):
    m = re.match(r"([0-9.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000.0 if unit == "us" else value * 1000.0 if unit == "s" else value


def run_wrk(url, seconds, connections, threads, script=None):
    """wrk against url; script: a Lua file of bench/ (post.lua, portal.lua) or None for plain GETs."""
    cmd = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", os.path.join(BENCH, script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": errors.group(1) if errors else "", "requests": total}


def run_pgbench(pg_port, seconds, connections, threads, workdir):
    logdir = tempfile.mkdtemp(prefix="pgbench-", dir=workdir)
    prefix = os.path.join(logdir, "tx")
    cmd = ["pgbench", "-h", "localhost", "-p", str(pg_port), "-U", "postgres", "-n", "-M", "prepared",
           "-c", str(connections), "-j", str(threads), "-T", str(seconds), "-f",
           os.path.join(BENCH, "sales-overview.sql"), "-D", "period_start=2025-01-01", "-D",
           "period_end=2025-12-31", "-l", "--log-prefix=" + prefix, "postgres"]
    # The service plans dashboard SQL with force_custom_plan (JdbcQueryExecutor); the ceiling runs
    # the same statements under the same setting, or pgbench would measure worse plans, not SQL.
    env = dict(os.environ, PGOPTIONS="-c plan_cache_mode=force_custom_plan")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
    latencies = []
    for name in os.listdir(logdir):
        with open(os.path.join(logdir, name)) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3:
                    latencies.append(int(parts[2]) / 1000.0)
    shutil.rmtree(logdir, ignore_errors=True)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
    return {"rps": tps, "p50": pick(0.50), "p99": pick(0.99), "non2xx": 0, "socket_errors": "",
            "requests": len(latencies)}


TICKS = os.sysconf("SC_CLK_TCK")


def proc_stat(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is field 3 (state): utime=14, stime=15, cutime=16, cstime=17, ppid=4
    return {"ppid": int(fields[1]), "own": (int(fields[11]) + int(fields[12])) / TICKS,
            "children": (int(fields[13]) + int(fields[14])) / TICKS}


def cpu_seconds(pid):
    """CPU time of a process (all threads)."""
    return proc_stat(pid)["own"]


def postgres_cpu_seconds(postmaster):
    """CPU of the postmaster, its live backends and its reaped ones (counted in its children time)."""
    own = proc_stat(postmaster)
    total = own["own"] + own["children"]
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                stat = proc_stat(int(name))
            except (OSError, IndexError, ValueError):
                continue
            if stat["ppid"] == postmaster:
                total += stat["own"]
    return total


def embedded_pg(data_dir):
    """The embedded PostgreSQL's postmaster pid and port, from its postmaster.pid."""
    with open(os.path.join(data_dir, "postgres", "postmaster.pid")) as f:
        lines = f.read().split("\n")
    return int(lines[0]), int(lines[3])


def latest_code(log_paths, timeout=30):
    """The last one-time code a console mailer printed. The outbox sends in the background, from
    whichever process on the database takes the mail first (both bench services poll it), so every
    process's log is read, for as long as a loaded machine may take."""
    paths = [log_paths] if isinstance(log_paths, str) else list(log_paths)
    deadline = time.time() + timeout
    while True:
        codes = []
        for path in paths:
            with open(path) as f:
                codes += re.findall(r"\b(\d{4}-\d{4})\b", f.read())
        if codes:
            return codes[-1]
        if time.time() > deadline:
            raise SystemExit("no one-time code in " + ", ".join(paths))
        time.sleep(0.5)


# (e): the widget an export streams, and the same query for PostgreSQL's own CSV writer.
EXPORT_ROWS = 100_000
EXPORT_SQL = ("select id, order_date, customer, region, status, amount from demo.orders order by id limit %d"
              % EXPORT_ROWS)


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def timed(cmd, env=None):
    """Wall seconds of a command whose output goes to /dev/null, and that output's size in bytes."""
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True, env=env)
    return time.perf_counter() - started, done.stdout


def export_bench(service, owner, pg_port, rounds, warmups):
    """(e) The owner export of a 100,000-row widget (curl, body to /dev/null) beside
    `psql -c "COPY (same query) TO STDOUT WITH CSV HEADER"` (to /dev/null), alternating; and the
    service's RSS growth during each export: its peak (VmHWM, reset first) minus its RSS before."""
    document = {"slug": "bench-export", "name": "Bench export", "data_source": "demo", "filters": [],
                "widgets": [{"slug": "orders", "title": "Orders", "visualization": "table", "sql": EXPORT_SQL}]}
    status, created = http("POST", service.base + "/api/v1/dashboards", document, owner)
    if status != 201:
        raise SystemExit("bench dashboard: %s %s" % (status, created))
    url = service.base + "/api/v1/dashboards/%s/widgets/orders/export" % created["id"]
    curl = ["curl", "-sS", "--fail", "-X", "POST", url, "-H", "Authorization: Bearer " + owner,
            "-H", "Content-Type: application/json", "-d", "{}", "-o", "/dev/null", "-w", "%{size_download}"]
    psql = ["psql", "-X", "-q", "-h", "localhost", "-p", str(pg_port), "-U", "postgres", "-d", "postgres",
            "-c", "COPY (%s) TO STDOUT WITH (FORMAT csv, HEADER)" % EXPORT_SQL]

    def export_once():
        service.reset_peak_rss()
        before = rss_mb(service.proc.pid)
        seconds, out = timed(curl)
        return seconds, int(out), service.peak_rss_mb() - before

    cold = export_once()
    for _ in range(warmups):
        export_once()
        timed(psql)
    runs = {"export": [], "copy": [], "growth": []}
    for r in range(rounds):
        seconds, size, growth = export_once()
        copy_seconds, copied = timed(psql)
        runs["export"].append(seconds)
        runs["copy"].append(copy_seconds)
        runs["growth"].append(growth)
        print("round %d (e) export %6.0f ms (%.1f MB, RSS +%.1f MB)   psql COPY %6.0f ms (%.1f MB)   (load %.1f)"
              % (r + 1, seconds * 1000, size / 1e6, growth, copy_seconds * 1000, len(copied) / 1e6,
                 os.getloadavg()[0]), flush=True)
    export_median = statistics.median(runs["export"])
    copy_median = statistics.median(runs["copy"])
    return {"export_ms": export_median * 1000, "copy_ms": copy_median * 1000,
            "export_rows_per_s": EXPORT_ROWS / export_median, "copy_rows_per_s": EXPORT_ROWS / copy_median,
            "speed": copy_median / export_median, "export_mb": size / 1e6, "copy_mb": len(copied) / 1e6,
            "growth_max": max(runs["growth"]), "growth_median": statistics.median(runs["growth"]),
            "cold_ms": cold[0] * 1000, "cold_growth": cold[2], "rounds": rounds, "warmups": warmups,
            "all_export": [round(x * 1000) for x in runs["export"]], "all_copy": [round(x * 1000) for x in runs["copy"]]}


def render_export(e):
    return ["## (e) CSV export of %d rows beside psql's COPY" % EXPORT_ROWS, "",
            "`POST /api/v1/dashboards/{id}/widgets/orders/export` (curl, body to /dev/null) against "
            "`psql -c \"COPY (same query) TO STDOUT WITH (FORMAT csv, HEADER)\"` (to /dev/null), same "
            "PostgreSQL, alternating, %d rounds after %d warm-up pairs; both times include starting "
            "the client process. Query: `%s`." % (e["rounds"], e["warmups"], EXPORT_SQL), "",
            "| | median ms | rows/s | MB | per round (ms) |", "|---|---:|---:|---:|---|",
            "| service export | %.0f | %.0f | %.1f | %s |" % (e["export_ms"], e["export_rows_per_s"], e["export_mb"],
                                                            ", ".join(map(str, e["all_export"]))),
            "| psql COPY | %.0f | %.0f | %.1f | %s |" % (e["copy_ms"], e["copy_rows_per_s"], e["copy_mb"],
                                                       ", ".join(map(str, e["all_copy"]))), "",
            "| target | value | met |", "|---|---:|---|",
            "| export speed / COPY speed >= 0.5 | %.2f | %s |" % (e["speed"], "yes" if e["speed"] >= 0.5 else "no"),
            "| service RSS growth during an export < 32 MB | %.1f MB max (median %.1f) | %s |" % (
                e["growth_max"], e["growth_median"], "yes" if e["growth_max"] < 32 else "no"), "",
            "The first export after start (JIT cold) took %.0f ms and grew RSS by %.1f MB." % (
                e["cold_ms"], e["cold_growth"]), ""]


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GiB" % (int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1)) / 1024 / 1024)
    except (OSError, AttributeError):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    pgbench = subprocess.run(["pgbench", "--version"], capture_output=True, text=True).stdout.strip()
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
    return {"nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "kernel": platform.release(), "java": java,
            "pgbench": pgbench, "wrk": wrk}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    # Executions with the cache off take seconds each under 32 connections: wrk drops the requests
    # still in flight when a run ends (pgbench lets its transactions finish), so a short run
    # under-counts the service by about latency / duration. Those two targets run longer.
    parser.add_argument("--slow-seconds", type=int, default=int(os.environ.get("BENCH_SLOW_SECONDS", "60")))
    parser.add_argument("--warmup-seconds", type=int, default=int(os.environ.get("BENCH_WARMUP_SECONDS", "30")))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3")))
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--java-opts", default=os.environ.get("BENCH_JAVA_OPTS", "-Xmx256m"))
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--only", default=os.environ.get("BENCH_ONLY", ""),
                        help="comma-separated targets to measure (a_off,a_on,b,c_resolve,c_embed,c_portal,d,e);"
                             " prints the rounds and the ratios it can, writes no report")
    parser.add_argument("--export-rounds", type=int, default=int(os.environ.get("BENCH_EXPORT_ROUNDS", "9")))
    parser.add_argument("--export-warmups", type=int, default=int(os.environ.get("BENCH_EXPORT_WARMUPS", "10")))
    args = parser.parse_args()
    java_opts = args.java_opts.split()

    work = tempfile.mkdtemp(prefix="sharing-bench-")
    secret = secrets.token_urlsafe(48)
    on_dir, off_dir = os.path.join(work, "on"), os.path.join(work, "off")
    os.makedirs(on_dir)
    os.makedirs(off_dir)
    common = flood_env(secret, args.connections)
    services = []
    try:
        print("starting the service (embedded PostgreSQL, result cache on) ...", flush=True)
        on = Service("cache-on", dict(common, PORT=str(free_port()), SHARING_DATA_DIR=on_dir),
                     os.path.join(work, "cache-on.log"), java_opts)
        services.append(on)
        on.wait_ready()
        postmaster, pg_port = embedded_pg(on_dir)
        print("starting a second process on the same database with the result cache off ...", flush=True)
        off = Service("cache-off", dict(common, PORT=str(free_port()), SHARING_DATA_DIR=off_dir,
                                        SHARING_CACHE_TTL="0s", **on_database(pg_port)),
                      os.path.join(work, "cache-off.log"), java_opts)
        services.append(off)
        off.wait_ready()

        # Fixtures through the API, as a customer would make them.
        status, login = http("POST", on.base + "/api/v1/auth/login", {"email": ADMIN[0], "password": ADMIN[1]})
        owner = login["access_token"]
        dashboards = http("GET", on.base + "/api/v1/dashboards", token=owner)[1]["dashboards"]
        dashboard = next(d["id"] for d in dashboards if d["slug"] == "sales-overview")
        share = http("POST", on.base + "/api/v1/dashboards/%s/shares" % dashboard, {"name": "bench"}, owner)[1]
        embed = http("POST", on.base + "/api/v1/embed/dashboards/%s" % dashboard, {}, owner)[1]["token"]
        context = http("POST", on.base + "/api/v1/share-contexts", {"name": "Bench partners"}, owner)[1]["id"]
        http("POST", on.base + "/api/v1/share-contexts/%s/members" % context,
             {"member_type": "external_email", "email": MEMBER}, owner)
        http("POST", on.base + "/api/v1/dashboards/%s/shares" % dashboard,
             {"name": "bench portal", "share_context_id": context}, owner)
        http("POST", on.base + "/api/v1/share-auth/request", {"company_slug": "acme", "email": MEMBER})
        time.sleep(1)
        code = latest_code([on.log_path, off.log_path])
        status, session = http("POST", on.base + "/api/v1/share-auth/verify",
                               {"company_slug": "acme", "email": MEMBER, "code": code})
        if status != 200:
            raise SystemExit("portal login failed: %s %s" % (status, session))
        portal_token = session["access_token"]
        with open(os.path.join(BENCH, "portal.lua"), "w") as f:
            f.write('wrk.headers["Authorization"] = "Bearer %s"\n' % portal_token)

        token = share["token"]
        targets = [
            ("a_off", "(a) execute, cache off", off, off.base + "/api/v1/public/shares/%s/execute" % token, "post.lua"),
            ("a_on", "(a) execute, cache on", on, on.base + "/api/v1/public/shares/%s/execute" % token, "post.lua"),
            ("b", "(b) pgbench, same 4 statements", None, None, None),
            ("c_resolve", "(c) public resolve", on, on.base + "/api/v1/public/shares/%s/resolve" % token, None),
            ("c_embed", "(c) embed info", on, on.base + "/api/embed/d/%s/info" % embed, None),
            ("c_portal", "(c) portal dashboard", on,
             on.base + "/api/v1/share-portal/acme/dashboards/sales-overview?context_id=" + context, "portal.lua"),
            ("d", "(d) trivial: /health/liveness", on, on.base + "/health/liveness", None),
        ]

        def measure(key, service, url, script, seconds):
            if key == "b":
                return run_pgbench(pg_port, seconds, args.connections, args.threads, work)
            return run_wrk(url, seconds, args.connections, args.threads, script)

        wanted = set(args.only.split(",")) if args.only else None
        if wanted is not None:
            targets = [t for t in targets if t[0] in wanted]

        # On 2 cores the JIT's C2 compiler needs the better part of a minute of traffic on a route
        # before its code is compiled; until then a run measures the compiler as much as the route.
        print("warming up (%d s per target) ..." % args.warmup_seconds, flush=True)
        for key, label, service, url, script in targets:
            if key != "b":
                measure(key, service, url, script, args.warmup_seconds)

        results = {key: [] for key, *_ in targets}
        rss = {key: 0.0 for key, *_ in targets}
        for r in range(args.rounds):
            for key, label, service, url, script in targets:
                for s in (on, off):
                    s.reset_peak_rss()
                cpu_before = (cpu_seconds(on.proc.pid), cpu_seconds(off.proc.pid), postgres_cpu_seconds(postmaster))
                result = measure(key, service, url, script,
                                 args.slow_seconds if key in ("a_off", "b") else args.seconds)
                cpu_after = (cpu_seconds(on.proc.pid), cpu_seconds(off.proc.pid), postgres_cpu_seconds(postmaster))
                served = max(1, result["requests"])
                result["svc_us"] = 1e6 * ((cpu_after[0] - cpu_before[0]) + (cpu_after[1] - cpu_before[1])) / served
                result["pg_us"] = 1e6 * (cpu_after[2] - cpu_before[2]) / served
                peak = max(on.peak_rss_mb(), off.peak_rss_mb()) if service is None else service.peak_rss_mb()
                rss[key] = max(rss[key], peak)
                results[key].append(result)
                print("round %d %-34s %9.1f rps  p50 %7.2f ms  p99 %7.2f ms  non-2xx %d  peak RSS %.0f MB"
                      "  CPU/req: service %.0f us, postgres %.0f us  (load %.1f)"
                      % (r + 1, label, result["rps"], result["p50"], result["p99"], result["non2xx"], peak,
                         result["svc_us"], result["pg_us"], os.getloadavg()[0]), flush=True)

        # The latency of one request without a queue in front of it: 2 connections instead of 32.
        light = {}
        for key, label, service, url, script in targets:
            if key in ("c_resolve", "c_embed", "d"):
                light[key] = run_wrk(url, args.seconds, 2, 1, script)
                print("light load (2 connections) %-22s %9.1f rps  p50 %6.2f ms  p99 %6.2f ms"
                      % (label, light[key]["rps"], light[key]["p50"], light[key]["p99"]), flush=True)

        export = None
        if wanted is None or "e" in wanted:
            export = export_bench(on, owner, pg_port, args.export_rounds, args.export_warmups)
            print("\n".join(render_export(export)), flush=True)
            if wanted == {"e"}:
                # The export target alone is a report of its own (bench/README.md, exports).
                info = machine()
                path = os.path.join(BENCH, "results", datetime.datetime.now().strftime("%Y-%m-%d") + "-export.md")
                with open(path, "w") as f:
                    f.write("\n".join(["# Export benchmark %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
                                       "", "Machine: %d cores, %s, %s RAM, kernel %s; %s; JVM options: `%s`; "
                                       "load average at the end %.2f %.2f %.2f." % (
                                           info["nproc"], info["cpu"], info["memory"], info["kernel"],
                                           info["java"], args.java_opts, *os.getloadavg()), ""]
                                      + render_export(export)))
                print("written to " + os.path.relpath(path, ROOT))

        if args.only:
            medians = {key: statistics.median(x["rps"] for x in results[key]) for key, *_ in targets}
            for key in ("c_resolve", "c_embed", "c_portal"):
                if key in medians and "d" in medians:
                    print("%s / d: %.2f" % (key, medians[key] / medians["d"]))
            return

        summary = {}
        for key, label, *_ in targets:
            runs = results[key]
            summary[key] = {"label": label, "rps": statistics.median(x["rps"] for x in runs),
                            "p50": statistics.median(x["p50"] for x in runs),
                            "p99": statistics.median(x["p99"] for x in runs),
                            "non2xx": sum(x["non2xx"] for x in runs), "rss": rss[key],
                            "svc_us": statistics.median(x["svc_us"] for x in runs),
                            "pg_us": statistics.median(x["pg_us"] for x in runs),
                            "all": [round(x["rps"], 1) for x in runs]}
        ratios = {
            "a_off / b": summary["a_off"]["rps"] / summary["b"]["rps"],
            "a_on / b": summary["a_on"]["rps"] / summary["b"]["rps"],
            "c_resolve / d": summary["c_resolve"]["rps"] / summary["d"]["rps"],
            "c_embed / d": summary["c_embed"]["rps"] / summary["d"]["rps"],
            "c_portal / d": summary["c_portal"]["rps"] / summary["d"]["rps"],
        }
        report = render(summary, ratios, machine(), args, light) + "\n".join(render_export(export))
        print()
        print(report)
        stamp = datetime.datetime.now().strftime("%Y-%m-%d")
        path = os.path.join(BENCH, "results", stamp + ".md")
        with open(path, "w") as f:
            f.write(report)
        print("written to " + os.path.relpath(path, ROOT))
    finally:
        for s in services:
            s.stop()
        portal = os.path.join(BENCH, "portal.lua")
        if os.path.exists(portal):
            os.remove(portal)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("data and logs kept in " + work)


def render(summary, ratios, info, args, light):
    lines = ["# Benchmark %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "",
             "Machine: %d cores, %s, %s RAM, kernel %s; %s; %s; %s." % (
                 info["nproc"], info["cpu"], info["memory"], info["kernel"], info["java"], info["pgbench"],
                 info["wrk"]),
             "Load: %d connections, %d threads, %d s per run (%d s for cache off and pgbench), %d rounds "
             "alternating (medians shown); JVM options: `%s`." % (args.connections, args.threads, args.seconds,
                                                                  args.slow_seconds, args.rounds,
                                                                  args.java_opts or "(none)"), "",
             "Load average when the report was written: %.2f %.2f %.2f (the benchmark's own processes "
             "count in it: wrk, the PostgreSQL backends, both JVMs; anything else running competes for "
             "the same cores)." % os.getloadavg(), "",
             "| target | rps (median) | p50 ms | p99 ms | non-2xx | service peak RSS MB | CPU per request: "
             "service / postgres (us) | rps per round |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for key in ("a_off", "a_on", "b", "c_resolve", "c_embed", "c_portal", "d"):
        s = summary[key]
        rss = "%.0f" % s["rss"] if key != "b" else "(both: %.0f)" % s["rss"]
        lines.append("| %s | %.1f | %.2f | %.2f | %d | %s | %.0f / %.0f | %s |" % (
            s["label"], s["rps"], s["p50"], s["p99"], s["non2xx"], rss, s["svc_us"], s["pg_us"],
            ", ".join(map(str, s["all"]))))
    lines += ["", "| ratio | value | target | met |", "|---|---:|---|---|"]
    targets = {"a_off / b": (0.8, ">= 0.8"), "a_on / b": (5.0, ">= 5"), "c_resolve / d": (0.5, ">= 0.5"),
               "c_embed / d": (0.5, ">= 0.5"), "c_portal / d": (0.5, ">= 0.5 (not a target; shown)")}
    for name, value in ratios.items():
        floor, text = targets[name]
        lines.append("| %s | %.2f | %s | %s |" % (name, value, text, "yes" if value >= floor else "no"))
    p99 = {k: summary[k]["p99"] for k in ("c_resolve", "c_embed")}
    peak = max(s["rss"] for k, s in summary.items() if k != "b")
    lines += ["", "p99 of resolve / embed info: %.2f / %.2f ms (target < 10 ms: %s). Peak RSS of a service "
              "process: %.0f MB (target < 512 MB: %s)." % (
                  p99["c_resolve"], p99["c_embed"], "yes" if max(p99.values()) < 10 else "no", peak,
                  "yes" if peak < 512 else "no"), "",
              "Without a queue in front (2 connections, 1 wrk thread): "
              + "; ".join("%s p50 %.2f ms, p99 %.2f ms (%.0f rps)" % (summary[k]["label"], v["p50"], v["p99"], v["rps"])
                          for k, v in light.items() if v is not None) + ".", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
