#!/usr/bin/env python3
"""A flood of parallel POST /api/estimate requests (each from its own address in X-Forwarded-For, so
the per-address rate limit does not stop them: the fit pool must), while a lesson page is fetched
every 0.2 s. Prints the flood's statuses and the lesson page's response times during the flood.
Usage: flood-estimate.py BASE_URL [REQUESTS=1000] [POINTS=5000]"""
import json, sys, threading, time, urllib.request, urllib.error, math, collections

base = sys.argv[1].rstrip("/")
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
points = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
data = [(-3 if i % 2 == 0 else 3) + math.sin(i) for i in range(points)]
body = json.dumps({"model": "gmm", "data": data, "options": {"k": 4, "iterations": 200, "seed": 1}}).encode()
statuses = collections.Counter()
lock = threading.Lock()
go = threading.Event()
fit_ms = []

def flood(i):
    req = urllib.request.Request(base + "/api/estimate", data=body, headers={
        "Content-Type": "application/json", "X-Forwarded-For": f"10.{i // 62500 % 250}.{i // 250 % 250}.{i % 250 + 1}"})
    go.wait()
    t = time.time()
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            r.read(); code = r.status
    except urllib.error.HTTPError as e:
        code = e.code
    except Exception as e:
        code = type(e).__name__
    with lock:
        statuses[code] += 1
        if code == 200:
            fit_ms.append(1000 * (time.time() - t))

page_ms = []
page_failures = []
def pages():
    go.wait()
    while not done.is_set():
        t = time.time()
        try:
            with urllib.request.urlopen(base + "/lessons/likelihood", timeout=60) as r:
                r.read()
            page_ms.append(1000 * (time.time() - t))
        except Exception as e:  # no answer within 60 s
            page_failures.append(type(e).__name__)
        time.sleep(0.2)

done = threading.Event()
urllib.request.urlopen(base + "/lessons/likelihood").read()  # warm
threads = [threading.Thread(target=flood, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
watcher = threading.Thread(target=pages); watcher.start()
time.sleep(1)
start = time.time()
go.set()
for t in threads:
    t.join()
done.set(); watcher.join()
elapsed = time.time() - start
page_ms.sort()
fit_ms.sort()
print(f"{n} parallel estimate requests in {elapsed:.1f} s: {dict(statuses)}"
      + (f", answered fits took median {fit_ms[len(fit_ms) // 2]:.0f} ms" if fit_ms else "") + "; "
      + f"lesson page during the flood ({len(page_ms)} answered, {len(page_failures)} without an answer in 60 s): "
      + (f"median {page_ms[len(page_ms) // 2]:.0f} ms, max {page_ms[-1]:.0f} ms, {sum(1 for x in page_ms if x > 1000)} over 1 s" if page_ms else ""))
