#!/usr/bin/env python3
"""Soak of the embedded H2 database with the server's settings (Database.durable + H2Compaction).

A child JVM (org.argmax.db.DurabilityProbe churn) commits writes as fast as it can, each on a pooled
connection of its own: insert the next id (200 characters), delete the id 1,000 back, commit, print
the id. The driver kills it with SIGKILL at random moments (a random 3-30 s after start, or, every
third time, 0-300 ms after the child logs "Compacting the database file", i.e. during a compaction),
starts it again and checks that the highest id found is at least the last id acknowledged before
the kill. It samples the file size every 0.1 s. Usage: soak-h2.py CLASSPATH DIR [WRITES]
"""
import os, random, subprocess, sys, threading, time

cp, workdir = sys.argv[1], sys.argv[2]
target = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
extra = sys.argv[4:]  # e.g. -Dargmax.h2.compactAboveMb=8
os.makedirs(workdir, exist_ok=True)
url = "jdbc:h2:" + os.path.abspath(os.path.join(workdir, "soak"))
dbfile = os.path.join(workdir, "soak.mv.db")
rnd = random.Random(20261202)
writes = kills = kills_in_compaction = lost = compactions = 0
max_size = 0
pauses = []
started_at = []  # file size (kB) when each compaction started
started = time.time()
last_acked = 0

while True:
    child = subprocess.Popen(["java", "-Xmx256m", *extra, "-cp", cp, "org.argmax.db.DurabilityProbe", url, "churn"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = child.stdout.readline().split()
    found = int(ready[1])
    if found < last_acked:
        lost += last_acked - found
        print(f"LOST: acknowledged {last_acked}, found {found}", flush=True)
    state = {"last": found, "compacting": None}

    def read_out():
        for line in child.stdout:
            state["last"] = int(line)

    def read_err():
        global compactions
        for line in child.stderr:
            if "Compacting the database file" in line:
                state["compacting"] = time.time()
            elif "Database file compacted" in line:
                compactions += 1
                pauses.append(int(line.rsplit("waited", 1)[1].split()[0]))
                started_at.append(int(line.split("compacted from", 1)[1].split()[0]))

    threads = [threading.Thread(target=read_out, daemon=True), threading.Thread(target=read_err, daemon=True)]
    for t in threads:
        t.start()
    during_compaction = kills % 3 == 2 or os.environ.get("SOAK_ALWAYS_IN_COMPACTION") == "1"
    deadline = time.time() + rnd.uniform(3, 30)
    seen = None
    while True:
        time.sleep(0.05)
        try:
            max_size = max(max_size, os.path.getsize(dbfile))
        except OSError:
            pass
        done = state["last"] >= target
        if done:
            break
        if during_compaction:
            c = state["compacting"]
            if c is not None and seen is None:
                seen = c + rnd.uniform(0, 0.3)
            if seen is not None and time.time() >= seen:
                break
            if time.time() > deadline + 120:  # no compaction came: kill anyway
                break
        elif time.time() >= deadline:
            break
    child.kill()
    child.wait()
    for t in threads:
        t.join(5)
    writes += state["last"] - found
    last_acked = state["last"]
    if done:
        break
    kills += 1
    if during_compaction and seen is not None:
        kills_in_compaction += 1
    print(f"kill {kills}{' (during a compaction)' if during_compaction and seen is not None else ''}: "
          f"acknowledged {last_acked}, max file {max_size / 1e6:.1f} MB, {compactions} compactions so far, "
          f"{time.time() - started:.0f} s", flush=True)

# the last check: open once more and read the highest id
check = subprocess.Popen(["java", *extra, "-cp", cp, "org.argmax.db.DurabilityProbe", url, "churn"], stdout=subprocess.PIPE, text=True)
found = int(check.stdout.readline().split()[1])
check.kill(); check.wait()
if found < last_acked:
    lost += last_acked - found
final_size = os.path.getsize(dbfile)
print(f"writes {writes}, kills {kills} ({kills_in_compaction} during a compaction), lost {lost}, "
      f"max file size {max_size / 1e6:.1f} MB, file at the end {final_size / 1e6:.2f} MB, compactions {compactions}, "
      f"requests held per compaction: median {sorted(pauses)[len(pauses) // 2] if pauses else 0} ms, max {max(pauses) if pauses else 0} ms, "
      f"file size when a compaction started: median {sorted(started_at)[len(started_at) // 2] / 1000 if started_at else 0:.1f} MB, "
      f"max {max(started_at) / 1000 if started_at else 0:.1f} MB, "
      f"{time.time() - started:.0f} s")
sys.exit(1 if lost else 0)
