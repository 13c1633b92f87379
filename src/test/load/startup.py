"""Start-up time and memory of the packaged server (see startup.sh).

For every run: start `java -jar JAR serve` on a free port, poll / and /health every 10 ms until each
answers 200 (times from process start), read the CPU time of the launcher and its child from /proc,
wait 2 s and read their RSS (VmRSS) idle, then SIGTERM the process and wait for its exit. The
configurations take turns within each round, so a change in the machine's load affects all alike.
"""
import argparse
import glob
import http.client
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

CONFIGS = [  # name, extra environment
    ("one JVM, JDK defaults (--no-relaunch)", {"ARGMAX_NO_RELAUNCH": "1"}),
    ("launcher, no archive (ARGMAX_CDS=off)", {"ARGMAX_CDS": "off"}),
    ("launcher + class-data archive (default)", {}),
]
TIMEOUT = 180


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status(port, path):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", path)
        r = c.getresponse()
        r.read()
        c.close()
        return r.status
    except OSError:
        return None


def family(pid):
    """The process and its children (the launcher's JVM and the server's)."""
    pids = [pid]
    for children in glob.glob(f"/proc/{pid}/task/*/children"):  # the JVM starts it from a thread other than the first
        try:
            with open(children) as f:
                pids += [int(x) for x in f.read().split()]
        except OSError:
            pass
    return pids


def cpu_ms(pids):
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")
        except OSError:
            pass
    return total


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def start(jar, db_url, env_extra, log, trace=False):
    port = free_port()
    env = dict(os.environ, **env_extra)
    if trace:
        env["ARGMAX_STARTUP_TRACE"] = "1"
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", "-jar", jar, "serve", "--port", str(port), "--db", db_url],
                            stdout=log, stderr=subprocess.STDOUT, env=env)
    first = {}
    while len(first) < 2:
        if proc.poll() is not None:
            raise SystemExit(f"the server stopped with exit code {proc.returncode} before answering; see {log.name}")
        if time.monotonic() - t0 > TIMEOUT:
            proc.kill()
            raise SystemExit(f"no 200 within {TIMEOUT} s; see {log.name}")
        for path in ("/", "/health"):
            if path not in first and status(port, path) == 200:
                first[path] = time.monotonic() - t0
        time.sleep(0.01)
    pids = family(proc.pid)
    cpu = cpu_ms(pids)
    time.sleep(2)
    rss = [rss_mb(p) for p in pids]
    t_stop = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    code = proc.wait(timeout=120)
    return {"home": first["/"], "health": first["/health"], "cpu": cpu / 1000, "rss_total": sum(rss),
            "rss_server": rss[-1], "stop": time.monotonic() - t_stop, "exit": code}


def ensure_archive(jar, work):
    if glob.glob(os.path.join(os.path.dirname(os.path.abspath(jar)), "argmax-*.jsa")):
        return
    print("No class-data archive next to the jar: making one as the build does (serve --warm-up-and-exit)", flush=True)
    subprocess.run(["java", "-jar", jar, "serve", "--port", "0", "--db", f"jdbc:h2:{work}/training/argmax", "--warm-up-and-exit"],
                   stdout=subprocess.DEVNULL, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--jar", default="target/argmax.jar")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="argmax-startup-")
    log = open(os.path.join(work, "server.log"), "w")
    print(f"load average at start: {open('/proc/loadavg').read().split()[:3]}; {os.cpu_count()} CPUs; logs in {work}", flush=True)
    ensure_archive(a.jar, work)
    existing = f"jdbc:h2:{work}/existing/argmax"
    start(a.jar, existing, CONFIGS[0][1], log)  # creates the existing database (not counted)
    results = {(name, db): [] for name, _ in CONFIGS for db in ("existing", "fresh")}
    for r in range(a.runs):
        for db in ("existing", "fresh"):
            for name, env in CONFIGS:
                url = existing if db == "existing" else f"jdbc:h2:{work}/fresh-{r}-{len(results[(name, db)])}-{abs(hash(name))}/argmax"
                res = start(a.jar, url, env, log)
                results[(name, db)].append(res)
                if res["exit"] != 143:
                    print(f"  warning: exit code {res['exit']} after SIGTERM ({name}, {db})")
        print(f"round {r + 1}/{a.runs} done; load {open('/proc/loadavg').read().split()[0]}", flush=True)
    print(f"load average at end: {open('/proc/loadavg').read().split()[:3]}")
    print()
    print("| configuration | database | first 200 of / (median, min–max) | first 200 of /health (median) | CPU s until / (median) | RSS idle MB, server (all JVMs) | stop after SIGTERM (median) |")
    print("|---|---|---|---|---|---|---|")
    for (name, db), rs in results.items():
        home = [x["home"] for x in rs]
        print(f"| {name} | {db} | {statistics.median(home):.2f} s ({min(home):.2f}–{max(home):.2f}) | "
              f"{statistics.median(x['health'] for x in rs):.2f} s | {statistics.median(x['cpu'] for x in rs):.2f} | "
              f"{statistics.median(x['rss_server'] for x in rs):.0f} ({statistics.median(x['rss_total'] for x in rs):.0f}) | "
              f"{statistics.median(x['stop'] for x in rs):.2f} s |")
    print()
    print("Where start-up goes (one traced start of each on the existing database; wall ms, CPU ms of the JVM printing the line):")
    for name, env in CONFIGS:
        trace_log = os.path.join(work, "trace.log")
        with open(trace_log, "w") as t:
            start(a.jar, existing, env, t, trace=True)
        print(f"-- {name}")
        with open(trace_log) as t:
            for line in t:
                if line.startswith("[startup]"):
                    print("   " + line.rstrip())
    log.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
