#!/usr/bin/env python3
"""The process and one viewer (bench/README.md, "bench/process.py"): side by side in one run,

* (f) one viewer's wait: a cold (cache off) execute of sales-overview and of an 8-widget bench
  dashboard, one client, against the slowest of its widgets run alone through pgbench (one client,
  the same PostgreSQL, the same bound parameters), alternating, per round;
* (g) memory: the service started by bin/sharing-service (its default JVM options) beside the same
  jar under `java -Xmx256m -jar` (the first report's options), both on one PostgreSQL, result cache
  on, the same wrk runs alternating on each; throughput ratio and peak RSS (VmHWM over the whole
  run, never reset) of each;
* (h) start: bin/sharing-service stopped and started again on its existing data directory, from
  the exec to the first answer of /health/liveness, with its class-data archive and without
  (SHARING_CDS=off), alternating; beside it, the same jar and archive on an already running
  PostgreSQL (SHARING_DB_URL: the JVM and the Micronaut context without embedded PostgreSQL's start).

Writes bench/results/<date>-process.md. Standard library only; reuses bench.py's helpers.
"""
import argparse
import datetime
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as b  # noqa: E402

LAUNCHER = os.path.join(b.ROOT, "bin", "sharing-service")

if os.environ.get("BENCH_PORT_BASE"):
    # Ports from BENCH_PORT_BASE up, one per process started, instead of whatever is free: on a
    # machine shared with other services each user keeps to its own range.
    _next_port = [int(os.environ["BENCH_PORT_BASE"])]

    def _port_from_base():
        _next_port[0] += 1
        return _next_port[0] - 1

    b.free_port = _port_from_base
WHERE = ("(:period_start::date is null or order_date >= :period_start) and (:period_end::date is null or "
         "order_date <= :period_end) and (:status::text[] is null or status = any(:status)) and "
         "(:region::text is null or region = :region)")
# Four more widgets beside sales-overview's four: the 8-widget bench dashboard.
EXTRA_WIDGETS = [
    ("orders_by_region", "bar", "select region, count(*) as orders from demo.orders where %s group by region order by region"),
    ("average_by_status", "table", "select status, avg(amount) as average from demo.orders where %s group by status order by status"),
    ("orders_by_weekday", "bar", "select extract(isodow from order_date) as weekday, count(*) as orders from demo.orders where %s group by 1 order by 1"),
    ("largest_orders", "table", "select id, customer, amount from demo.orders where %s order by amount desc, id limit 10"),
]


class Launched(b.Service):
    """The service through bin/sharing-service (or plain java when java_opts is given)."""

    def __init__(self, name, env, log_path, java_opts=None):
        self.name = name
        self.port = int(env["PORT"])
        self.base = "http://localhost:%d" % self.port
        self.log_path = log_path
        full_env = dict(os.environ)
        full_env.update(env)
        self.log = open(log_path, "a")
        cmd = [LAUNCHER] if java_opts is None else ["java"] + java_opts + ["-jar", b.JAR]
        self.started = time.perf_counter()
        self.proc = b.subprocess.Popen(cmd, env=full_env, stdout=self.log, stderr=b.subprocess.STDOUT,
                                       cwd=env["SHARING_DATA_DIR"])

    def first_answer(self, timeout=120):
        """Seconds from the exec to the first 200 of /health/liveness."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("%s exited early; see %s" % (self.name, self.log_path))
            try:
                if b.http("GET", self.base + "/health/liveness")[0] == 200:
                    return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.02)
        raise SystemExit("%s did not answer; see %s" % (self.name, self.log_path))


def statements(document):
    """Each widget's SQL as pgbench runs it: the two dates bound (-D), status and region typed NULLs."""
    out = []
    for w in document["widgets"]:
        sql = w["sql"].replace(":status::text[]", "null::text[]").replace("any(:status)", "any(null::text[])")
        sql = sql.replace(":region::text", "null::text").replace("region = :region", "region = null::text")
        sql = sql.replace(":period_start::date", ":period_start::date").replace(">= :period_start)", ">= :period_start::date)")
        sql = sql.replace("<= :period_end)", "<= :period_end::date)")
        out.append((w["slug"], sql + ";"))
    return out


def pgbench_once(pg_port, sql_file, transactions):
    """Mean latency (ms) of `transactions` runs of one statement, one client."""
    cmd = ["pgbench", "-h", "localhost", "-p", str(pg_port), "-U", "postgres", "-n", "-M", "prepared",
           "-c", "1", "-t", str(transactions), "-f", sql_file, "-D", "period_start=2025-01-01",
           "-D", "period_end=2025-12-31", "postgres"]
    env = dict(os.environ, PGOPTIONS="-c plan_cache_mode=force_custom_plan")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    return float(re.search(r"latency average = ([0-9.]+) ms", out).group(1))


def together_once(pg_port, literal_files):
    """(f) The widgets' statements run by the database alone, all at once, one connection each
    (bench/WidgetsTogether.java, one round after its warm-up): the least any client can wait for
    the whole dashboard on this machine. Milliseconds."""
    cmd = ["java", "-cp", b.JAR, os.path.join(b.ROOT, "bench", "WidgetsTogether.java"),
           "jdbc:postgresql://localhost:%d/postgres" % pg_port, "postgres", "1"] + literal_files
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return float(re.search(r"together ([0-9.]+)", out).group(1))


def viewer_wait(service, share_token, document, pg_port, rounds, work, warmup_seconds):
    files = []
    literal_files = []
    for slug, sql in statements(document):
        path = os.path.join(work, "widget-%s.sql" % slug)
        with open(path, "w") as f:
            f.write(sql + "\n")
        files.append((slug, path))
        literal = os.path.join(work, "widget-%s-literal.sql" % slug)
        with open(literal, "w") as f:
            f.write(sql.replace(":period_start", "'2025-01-01'").replace(":period_end", "'2025-12-31'").rstrip(";") + "\n")
        literal_files.append(literal)
    url = service.base + "/api/v1/public/shares/%s/execute" % share_token
    # Warm-up: the JIT, like every other target of the bench (a "cold" execute is one the result
    # cache misses, not one the JIT has not compiled yet: after 3 executions the service waited
    # 55 ms where after 40 s of them it waits 43, beside 39 ms for the database alone), the pools,
    # PostgreSQL's buffers.
    until = time.time() + warmup_seconds
    while time.time() < until:
        b.http("POST", url, {"parameters": {}})
    for _ in range(3):
        b.http("POST", url, {"parameters": {}})
        for slug, path in files:
            pgbench_once(pg_port, path, 2)
    runs = []
    for r in range(rounds):
        started = time.perf_counter()
        status, body = b.http("POST", url, {"parameters": {}})
        wait = (time.perf_counter() - started) * 1000
        if status != 200:
            raise SystemExit("execute: %s %s" % (status, body))
        widgets = {slug: pgbench_once(pg_port, path, 1) for slug, path in files}
        slowest = max(widgets.values())
        together = together_once(pg_port, literal_files)
        runs.append({"wait": wait, "slowest": slowest, "sum": sum(widgets.values()), "together": together,
                     "widgets": widgets})
        print("round %d (f) %-16s wait %7.1f ms   slowest widget %7.1f ms   sum %7.1f ms   all at once %7.1f ms   "
              "ratio %.2f, to all at once %.2f  (load %.1f)"
              % (r + 1, document["slug"], wait, slowest, sum(widgets.values()), together, wait / slowest,
                 wait / together, os.getloadavg()[0]), flush=True)
    return {"wait": statistics.median(x["wait"] for x in runs),
            "slowest": statistics.median(x["slowest"] for x in runs),
            "sum": statistics.median(x["sum"] for x in runs),
            "together": statistics.median(x["together"] for x in runs),
            "ratio": statistics.median(x["wait"] / x["slowest"] for x in runs),
            "ratio_together": statistics.median(x["wait"] / x["together"] for x in runs),
            "widgets": len(files), "rounds": runs}


def vm_hwm(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS_VIEWER", "10")))
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument("--mem-rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3")))
    parser.add_argument("--warmup-seconds", type=int, default=int(os.environ.get("BENCH_WARMUP_SECONDS", "30")))
    parser.add_argument("--starts", type=int, default=int(os.environ.get("BENCH_STARTS", "3")))
    parser.add_argument("--base-opts", default=os.environ.get("BENCH_BASE_JAVA_OPTS", "-Xmx256m"))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="sharing-process-")
    secret = secrets.token_urlsafe(48)
    dirs = {k: os.path.join(work, k) for k in ("launcher", "plain")}
    for d in dirs.values():
        os.makedirs(d)
    common = {"SHARING_SECRET": secret, "SHARING_ADMIN_EMAIL": b.ADMIN[0], "SHARING_ADMIN_PASSWORD": b.ADMIN[1],
              "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE": "0",
              "SHARING_LIMITS_EXECUTIONS_PER_EMBED_DASHBOARD_PER_MINUTE": "0",
              "SHARING_DATA_SOURCES_DEMO_POOL_SIZE": "32",
              "SHARING_DATA_SOURCES_DEMO_MAX_QUEUED_QUERIES": "256",
              "SHARING_DATA_SOURCES_DEMO_QUEUE_TIMEOUT_MS": "10000",
              # One dashboard may take the whole pool here: the bench floods one share on purpose
              # (the product keeps half for others, docs/operations.md, fair use of a data source).
              "SHARING_DATA_SOURCES_DEMO_DASHBOARD_SHARE_PERCENT": "100"}
    services = []
    report = {}
    try:
        # (h) first start: makes the data directory and (at its exit) the class-data archive.
        env_l = dict(common, PORT=str(b.free_port()), SHARING_DATA_DIR=dirs["launcher"])
        print("first start of bin/sharing-service (fresh data directory) ...", flush=True)
        first = Launched("launcher-first", env_l, os.path.join(work, "launcher.log"))
        report["first_start"] = first.first_answer(240)
        first.wait_ready()
        first.stop()
        starts = {"cds": [], "nocds": [], "extdb": []}
        for r in range(args.starts):
            for mode in ("cds", "nocds"):
                env = dict(env_l, SHARING_CDS="on" if mode == "cds" else "off")
                s = Launched("launcher-" + mode, env, os.path.join(work, "start-%s-%d.log" % (mode, r)))
                seconds = s.first_answer()
                s.wait_ready()
                s.stop()
                starts[mode].append(seconds)
                print("start %d %-6s first answer %.2f s  (load %.1f)" % (r + 1, mode, seconds, os.getloadavg()[0]),
                      flush=True)
        report["starts"] = starts

        # (f) and (g): the launcher's process (cache off for (f)... then on for (g)) and the plain one.
        launcher = Launched("launcher", dict(env_l, SHARING_CACHE_TTL="0s"), os.path.join(work, "launcher.log"))
        services.append(launcher)
        launcher.wait_ready()
        postmaster, pg_port = b.embedded_pg(dirs["launcher"])
        status, login = b.http("POST", launcher.base + "/api/v1/auth/login", {"email": b.ADMIN[0], "password": b.ADMIN[1]})
        owner = login["access_token"]
        dashboards = b.http("GET", launcher.base + "/api/v1/dashboards", token=owner)[1]["dashboards"]
        sales_id = next(d["id"] for d in dashboards if d["slug"] == "sales-overview")
        sales = b.http("GET", launcher.base + "/api/v1/dashboards/%s" % sales_id, token=owner)[1]
        with open(os.path.join(b.ROOT, "bootstrap", "src", "main", "resources", "demo", "sales-overview.json")) as f:
            sales_doc = b.json.load(f)
        eight = dict(sales_doc, slug="bench-eight", name="Bench, eight widgets")
        eight["widgets"] = sales_doc["widgets"] + [
            {"slug": slug, "title": slug, "visualization": vis, "sql": sql % WHERE} for slug, vis, sql in EXTRA_WIDGETS]
        status, created = b.http("POST", launcher.base + "/api/v1/dashboards", eight, owner)
        if status != 201:
            raise SystemExit("8-widget dashboard: %s %s" % (status, created))
        shares = {}
        for slug, dash_id in (("sales-overview", sales_id), ("bench-eight", created["id"])):
            shares[slug] = b.http("POST", launcher.base + "/api/v1/dashboards/%s/shares" % dash_id,
                                  {"name": "bench " + slug}, owner)[1]["token"]
        report["viewer"] = {}
        for doc in (sales_doc, eight):
            report["viewer"][doc["slug"]] = viewer_wait(launcher, shares[doc["slug"]], doc, pg_port, args.rounds, work,
                                                        args.warmup_seconds)
        launcher.stop()
        services.remove(launcher)

        # (g) the launcher's defaults beside -Xmx256m, cache on, one PostgreSQL.
        launcher = Launched("launcher", env_l, os.path.join(work, "launcher.log"))
        services.append(launcher)
        launcher.wait_ready()
        postmaster, pg_port = b.embedded_pg(dirs["launcher"])  # a new start, a new port
        plain = Launched("plain", dict(common, PORT=str(b.free_port()), SHARING_DATA_DIR=dirs["plain"],
                                       **b.on_database(pg_port)),
                         os.path.join(work, "plain.log"), args.base_opts.split())
        services.append(plain)
        plain.wait_ready()
        embed = b.http("POST", launcher.base + "/api/v1/embed/dashboards/%s" % sales_id, {}, owner)[1]["token"]
        token = shares["sales-overview"]
        targets = [("execute, cache on", "/api/v1/public/shares/%s/execute" % token, "post.lua"),
                   ("public resolve", "/api/v1/public/shares/%s/resolve" % token, None),
                   ("embed info", "/api/embed/d/%s/info" % embed, None),
                   ("trivial /health/liveness", "/health/liveness", None)]
        print("warming up both (%d s per target) ..." % args.warmup_seconds, flush=True)
        for label, path, script in targets:
            for s in (launcher, plain):
                b.run_wrk(s.base + path, args.warmup_seconds // 2, 32, 2, script)
        mem = {label: {"launcher": [], "plain": []} for label, *_ in targets}
        for r in range(args.mem_rounds):
            for label, path, script in targets:
                for s in ((launcher, plain) if r % 2 == 0 else (plain, launcher)):
                    result = b.run_wrk(s.base + path, args.seconds, 32, 2, script)
                    mem[label][s.name].append(result["rps"])
                    print("round %d (g) %-26s %-8s %8.1f rps  p99 %6.2f ms  VmHWM %.0f MB  (load %.1f)"
                          % (r + 1, label, s.name, result["rps"], result["p99"], vm_hwm(s.proc.pid),
                             os.getloadavg()[0]), flush=True)
        # The export of 100,000 rows on the launcher's process too: its peak is of the whole run.
        report["export"] = b.export_bench(launcher, owner, pg_port, 3, 3)
        report["mem"] = mem
        report["hwm"] = {"launcher": vm_hwm(launcher.proc.pid), "plain": vm_hwm(plain.proc.pid)}
        plain.stop()
        services.remove(plain)
        # (h) beside: the launcher with the same archive on the running PostgreSQL, on plain's
        # (existing) data directory: the JVM and the Micronaut context without initdb's server start.
        archive = [os.path.join(dirs["launcher"], "cds", f) for f in os.listdir(os.path.join(dirs["launcher"], "cds"))][0]
        for r in range(args.starts):
            env = dict(common, PORT=str(b.free_port()), SHARING_DATA_DIR=dirs["plain"], SHARING_CDS_ARCHIVE=archive,
                       **b.on_database(pg_port))
            s = Launched("launcher-extdb", env, os.path.join(work, "start-extdb-%d.log" % r))
            try:
                starts["extdb"].append(s.first_answer())
                s.wait_ready()
            except SystemExit as e:
                print("extdb start failed (%s):\n%s" % (e, open(s.log_path).read()[-3000:]), flush=True)
                starts["extdb"].append(float("nan"))
                break
            finally:
                s.stop()
            print("start %d extdb  first answer %.2f s  (load %.1f)" % (r + 1, starts["extdb"][-1], os.getloadavg()[0]),
                  flush=True)
        nmt = subprocess.run(["jcmd", str(launcher.proc.pid), "GC.heap_info"], capture_output=True, text=True).stdout
        report["heap_info"] = nmt.strip()
        with open("/proc/%d/cmdline" % launcher.proc.pid) as f:
            report["launcher_cmdline"] = " ".join(f.read().split("\0")).strip()
        for s in list(services):
            s.stop()
            services.remove(s)
        write(report, args)
    finally:
        for s in services:
            s.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("data and logs kept in " + work)


def write(r, args):
    info = b.machine()
    med = statistics.median
    lines = ["# Process benchmark %s UTC" % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), "",
             "`python3 bench/process.py` on %d cores, %s, %s RAM, kernel %s; %s; load average at the end %.2f %.2f %.2f."
             % (info["nproc"], info["cpu"], info["memory"], info["kernel"], info["java"], *os.getloadavg()), "",
             "## (f) One viewer's wait (cache off, one client) beside the slowest widget alone (pgbench, one client)", "",
             "| dashboard | widgets | wait median ms | slowest widget ms | sum of widgets ms | all widgets at once ms "
             "| wait / slowest (median of rounds) | target <= 1.3 | wait / all at once |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for slug, v in r["viewer"].items():
        lines.append("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %s | %.2f |" % (
            slug, v["widgets"], v["wait"], v["slowest"], v["sum"], v["together"], v["ratio"],
            "met" if v["ratio"] <= 1.3 else "missed", v["ratio_together"]))
    lines += ["", "\"All widgets at once\": the same statements run by the database alone, one connection each, "
              "started together (bench/WidgetsTogether.java), from the start to the last row.", "",
              "Per round (wait / slowest / all at once, ms): " + "; ".join(
        "%s: %s" % (slug, ", ".join("%.0f/%.0f/%.0f" % (x["wait"], x["slowest"], x["together"]) for x in v["rounds"]))
        for slug, v in r["viewer"].items()), "",
        "## (g) Memory: bin/sharing-service beside `java %s -jar`, cache on, same PostgreSQL, alternating" % args.base_opts, "",
        "| target | launcher rps (median) | plain rps (median) | launcher / plain |", "|---|---:|---:|---:|"]
    for label, v in r["mem"].items():
        lines.append("| %s | %.0f | %.0f | %.2f |" % (label, med(v["launcher"]), med(v["plain"]),
                                                      med(v["launcher"]) / med(v["plain"])))
    lines += ["", "Peak RSS over the whole run (VmHWM, never reset; the launcher's process also ran the cold executes "
              "of (f) and 3+3 exports of 100,000 rows): launcher **%.0f MB**, plain %.0f MB." % (
                  r["hwm"]["launcher"], r["hwm"]["plain"]),
              "", "Export on the launcher's process: %.0f ms median beside COPY's %.0f ms (%.2f of COPY's speed), "
              "RSS growth %.1f MB at most." % (r["export"]["export_ms"], r["export"]["copy_ms"], r["export"]["speed"],
                                              r["export"]["growth_max"]),
              "", "The launcher's command line: `%s`" % r["launcher_cmdline"], "", "```", r["heap_info"], "```", "",
              "## (h) Start on an existing data directory: exec to the first answer of /health/liveness", "",
              "| | median s | runs (s) |", "|---|---:|---|"]
    s = r["starts"]
    for mode, label in (("cds", "bin/sharing-service (class-data archive), embedded PostgreSQL"),
                        ("nocds", "bin/sharing-service, SHARING_CDS=off, embedded PostgreSQL"),
                        ("extdb", "bin/sharing-service (archive) on a running PostgreSQL: JVM + Micronaut context")):
        lines.append("| %s | %.2f | %s |" % (label, med(s[mode]), ", ".join("%.2f" % x for x in s[mode])))
    lines += ["", "First start (fresh data directory: initdb, migrations, demo seed): %.2f s." % r["first_start"], ""]
    text = "\n".join(lines)
    print(text)
    path = os.path.join(b.BENCH, "results", datetime.datetime.utcnow().strftime("%Y-%m-%d") + "-process.md")
    with open(path, "w") as f:
        f.write(text)
    print("written to " + os.path.relpath(path, b.ROOT))


if __name__ == "__main__":
    main()
