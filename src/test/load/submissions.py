#!/usr/bin/env python3
"""Answer submissions per second at N concurrent learners against a running server.

Each learner signs up (its own address in X-Forwarded-For, so start the server with --trust-proxy),
then submits answers to coin-mle as fast as the server answers (JSON, as the page's script does);
when the variant is closed (5 attempts used, 409) it asks for new data and goes on. Only stored
submissions (200) count. Usage: submissions.py BASE_URL [LEARNERS=20] [SECONDS=30]
"""
import http.cookiejar, json, re, sys, threading, time, urllib.parse, urllib.request, random

base = sys.argv[1].rstrip("/")
learners = int(sys.argv[2]) if len(sys.argv) > 2 else 20
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 30
run = random.randrange(10**6)
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None

def learner(i, results, start_evt, stop_at):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    addr = f"10.{run % 250}.{i // 250}.{i % 250 + 1}"
    def req(path, data=None, accept=None):
        r = urllib.request.Request(base + path, data=None if data is None else urllib.parse.urlencode(data).encode(),
                                   headers={"X-Forwarded-For": addr, **({"Accept": accept} if accept else {})})
        try:
            with opener.open(r, timeout=60) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()
    status, page = req("/signup")
    name = f"load{run}-{i}"
    status, _ = req("/signup", {"_csrf": CSRF.search(page).group(1), "displayName": name, "username": name,
                                "password": name + " long password"})
    assert status == 303, status
    status, page = req("/exercises/coin-mle")
    csrf = CSRF.search(page).group(1)
    start_evt.wait()
    ok = other = 0
    lat = []
    while time.time() < stop_at[0]:
        t = time.time()
        status, body = req("/exercises/coin-mle/submit", {"_csrf": csrf, "answer_theta": "0.%02d" % random.randrange(1, 99)},
                           accept="application/json")
        if status == 200:
            ok += 1
            lat.append(time.time() - t)
        elif status == 409:
            req("/exercises/coin-mle/variant", {"_csrf": csrf})
        else:
            other += 1
    results[i] = (ok, other, lat)

results = {}
start_evt = threading.Event()
stop_at = [0]
threads = [threading.Thread(target=learner, args=(i, results, start_evt, stop_at)) for i in range(learners)]
for t in threads:
    t.start()
time.sleep(3 + learners * 0.3)  # sign-ups done
stop_at[0] = time.time() + seconds
began = time.time()
start_evt.set()
for t in threads:
    t.join()
elapsed = time.time() - began
ok = sum(r[0] for r in results.values())
other = sum(r[1] for r in results.values())
lat = sorted(x for r in results.values() for x in r[2])
print(f"{learners} learners, {elapsed:.1f} s: {ok} submissions stored, {ok / elapsed:.1f} per second; "
      f"latency median {1000 * lat[len(lat) // 2]:.0f} ms, 95th percentile {1000 * lat[int(len(lat) * 0.95)]:.0f} ms; "
      f"other statuses (not 200/409): {other}")
