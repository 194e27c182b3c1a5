#!/usr/bin/env python3
"""Scale (bench/README.md, "bench/scale.py"): the same four viewer and owner reads on two services
side by side in one run, each started by bin/sharing-service on its own embedded PostgreSQL:

* small: the demo database as a fresh start seeds it (the company acme, its dashboards);
* scale: the same, plus bench/scale.sql's platform around acme (1,000 companies, 100,000 shares,
  10,000 share contexts, 100,000 members).

The fixtures measured are made the same way on both, through the API, in acme: a public share, an
embed token, a share context with one member and a portal session. So each request reads the same
rows of its own tenant on both, and what differs is the size of the tables around them (the indexes
the lookups go through). Targets: public resolve, embed info, the portal's dashboard list and the
owner's share list of sales-overview; wrk, 32 connections, alternating small/scale per round.

Writes bench/results/<date>-scale.md. Standard library only; reuses bench.py's and process.py's helpers.
"""
import argparse
import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench as b  # noqa: E402
import process as p  # noqa: E402


def fixtures(service, work, name):
    status, login = b.http("POST", service.base + "/api/v1/auth/login", {"email": b.ADMIN[0], "password": b.ADMIN[1]})
    owner = login["access_token"]
    dashboards = b.http("GET", service.base + "/api/v1/dashboards", token=owner)[1]["dashboards"]
    dashboard = next(d["id"] for d in dashboards if d["slug"] == "sales-overview")
    share = b.http("POST", service.base + "/api/v1/dashboards/%s/shares" % dashboard, {"name": "bench"}, owner)[1]
    embed = b.http("POST", service.base + "/api/v1/embed/dashboards/%s" % dashboard, {}, owner)[1]["token"]
    context = b.http("POST", service.base + "/api/v1/share-contexts", {"name": "Bench partners"}, owner)[1]["id"]
    b.http("POST", service.base + "/api/v1/share-contexts/%s/members" % context,
           {"member_type": "external_email", "email": b.MEMBER}, owner)
    b.http("POST", service.base + "/api/v1/dashboards/%s/shares" % dashboard,
           {"name": "bench portal", "share_context_id": context}, owner)
    b.http("POST", service.base + "/api/v1/share-auth/request", {"company_slug": "acme", "email": b.MEMBER})
    time.sleep(1)
    code = b.latest_code(service.log_path)
    status, session = b.http("POST", service.base + "/api/v1/share-auth/verify",
                             {"company_slug": "acme", "email": b.MEMBER, "code": code})
    if status != 200:
        raise SystemExit("portal login failed on %s: %s %s" % (name, status, session))
    scripts = {}
    for kind, token in (("portal", session["access_token"]), ("owner", owner)):
        path = os.path.join(work, "%s-%s.lua" % (name, kind))
        with open(path, "w") as f:
            f.write('wrk.headers["Authorization"] = "Bearer %s"\n' % token)
        scripts[kind] = path
    return [("public resolve", service.base + "/api/v1/public/shares/%s/resolve" % share["token"], None),
            ("embed info", service.base + "/api/embed/d/%s/info" % embed, None),
            ("portal dashboard list", service.base + "/api/v1/share-portal/acme/dashboards", scripts["portal"]),
            ("owner's share list", service.base + "/api/v1/dashboards/%s/shares" % dashboard, scripts["owner"])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3")))
    parser.add_argument("--warmup-seconds", type=int, default=int(os.environ.get("BENCH_WARMUP_SECONDS", "30")))
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="sharing-scale-")
    common = {"SHARING_ADMIN_EMAIL": b.ADMIN[0], "SHARING_ADMIN_PASSWORD": b.ADMIN[1],
              "SHARING_LIMITS_EXECUTIONS_PER_SHARE_PER_MINUTE": "0",
              "SHARING_LIMITS_EXECUTIONS_PER_EMBED_DASHBOARD_PER_MINUTE": "0"}
    services = {}
    try:
        for name in ("small", "scale"):
            data = os.path.join(work, name)
            os.makedirs(data)
            services[name] = p.Launched(name, dict(common, PORT=str(b.free_port()), SHARING_DATA_DIR=data),
                                        os.path.join(work, name + ".log"))
        for s in services.values():
            s.wait_ready()
        _, pg_port = b.embedded_pg(os.path.join(work, "scale"))
        print("generating the scale platform (%d companies) ..." % args.companies, flush=True)
        started = time.perf_counter()
        out = subprocess.run(["psql", "-h", "localhost", "-p", str(pg_port), "-U", "postgres", "-d", "postgres", "-q",
                              "-v", "companies=%d" % args.companies, "-f", os.path.join(b.BENCH, "scale.sql")],
                             capture_output=True, text=True, check=True).stdout
        generated = time.perf_counter() - started
        print(out.strip(), "\n(%.0f s)" % generated, flush=True)
        targets = {name: fixtures(s, work, name) for name, s in services.items()}
        print("warming up (%d s per target and service) ..." % args.warmup_seconds, flush=True)
        for name in services:
            for label, url, script in targets[name]:
                b.run_wrk(url, args.warmup_seconds, 32, 2, script)
        results = {label: {"small": [], "scale": []} for label, _, _ in targets["small"]}
        for r in range(args.rounds):
            for i, (label, _, _) in enumerate(targets["small"]):
                for name in (("small", "scale") if r % 2 == 0 else ("scale", "small")):
                    _, url, script = targets[name][i]
                    result = b.run_wrk(url, args.seconds, 32, 2, script)
                    if result["non2xx"]:
                        raise SystemExit("%s on %s: %d non-2xx answers" % (label, name, result["non2xx"]))
                    results[label][name].append(result)
                    print("round %d %-22s %-5s %8.1f rps  p50 %6.2f ms  p99 %6.2f ms  (load %.1f)"
                          % (r + 1, label, name, result["rps"], result["p50"], result["p99"], os.getloadavg()[0]),
                          flush=True)
        write(results, out.strip(), generated, args)
    finally:
        for s in services.values():
            s.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("data and logs kept in " + work)


def write(results, counts, generated, args):
    info = b.machine()
    med = statistics.median
    lines = ["# Scale benchmark %s UTC" % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M"), "",
             "`python3 bench/scale.py` on %d cores, %s, %s RAM, kernel %s; %s; load average at the end %.2f %.2f %.2f."
             % (info["nproc"], info["cpu"], info["memory"], info["kernel"], info["java"], *os.getloadavg()), "",
             "Scale database (bench/scale.sql, %.0f s to generate):" % generated, "", "```", counts, "```", "",
             "wrk, 32 connections, 2 threads, %d s per run, %d rounds alternating small/scale; medians." % (
                 args.seconds, args.rounds), "",
             "| target | small rps | scale rps | small p99 ms | scale p99 ms | small / scale rps (median of rounds) | target <= 1.1 |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for label, v in results.items():
        small, scale = med(x["rps"] for x in v["small"]), med(x["rps"] for x in v["scale"])
        # Per round: the two runs of a round are next to each other in time, so they share the
        # machine's load; the median of those ratios, not the ratio of the medians.
        ratio = med(a["rps"] / c["rps"] for a, c in zip(v["small"], v["scale"]))
        lines.append("| %s | %.0f | %.0f | %.2f | %.2f | %.2f | %s |" % (
            label, small, scale, med(x["p99"] for x in v["small"]), med(x["p99"] for x in v["scale"]), ratio,
            "met" if ratio <= 1.1 else "missed"))
    lines += ["", "Per round rps (small/scale): " + "; ".join(
        "%s: %s" % (label, ", ".join("%.0f/%.0f" % (a["rps"], c["rps"]) for a, c in zip(v["small"], v["scale"])))
        for label, v in results.items()), ""]
    text = "\n".join(lines)
    print(text)
    path = os.path.join(b.BENCH, "results", datetime.datetime.utcnow().strftime("%Y-%m-%d") + "-scale.md")
    with open(path, "w") as f:
        f.write(text)
    print("written to " + os.path.relpath(path, b.ROOT))


if __name__ == "__main__":
    main()
