#!/usr/bin/env python3
"""The console benchmark: how long the "now" view and a search take on a seeded gate.

    Benchmarks/console/run.sh [path/to/qrgate]      # seeds, starts the daemon, runs this

    <selenium python> Benchmarks/console/bench.py --port PORT --token SUPERVISOR_SECRET [--searches 200]

Measures over real HTTP on loopback, signed in through /console/sign-in as a browser would:
  - now_api: the three reads the "now" view makes (inside, left-not-returned, residents), one
    after another, 20 times;
  - now_page: headless Chromium opening /console#now until its lists are drawn (--loads times, 20), with
    the rows in the document and the counts the view shows;
  - search: --searches searches through /console/api/check-ins (names without diacritics, ID
    numbers, a gate and a time range, a direction and a decision), each answered in full.
Prints one JSON object: median, p99 and max in milliseconds for each.
"""
import argparse
import http.client
import json
import random
import statistics
import subprocess
import time
import urllib.parse


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(values):
    return {"n": len(values), "median_ms": round(statistics.median(values), 1), "p99_ms": round(percentile(values, 99), 1),
            "max_ms": round(max(values), 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--site", default="perf-site")
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    parser.add_argument("--loads", type=int, default=20, help="page loads to time in the browser")
    args = parser.parse_args()
    connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
    connection.request("POST", "/console/sign-in", body="token=" + urllib.parse.quote(args.token),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    cookie = response.getheader("Set-Cookie").split(";")[0]

    def get(path):
        started = time.perf_counter()
        connection.request("GET", "/console/api/" + path, headers={"Cookie": cookie})
        answer = connection.getresponse()
        body = answer.read()
        assert answer.status == 200, (path, answer.status, body[:200])
        return (time.perf_counter() - started) * 1000, body

    report = {}
    now = []
    inside_count = 0
    for _ in range(20):
        total = 0
        for path in ("inside?site=" + args.site, "left-not-returned?hours=0&within_hours=24&site=" + args.site, "residents?site=" + args.site):
            ms, body = get(path)
            total += ms
            if path.startswith("inside"):
                inside_count = len(json.loads(body))
        now.append(total)
    report["now_api"] = summary(now) | {"inside": inside_count}

    rng = random.Random(7)
    family = ["nguyen", "tran", "le", "pham", "hoang", "dang", "bui", "do"]
    given = ["an", "binh", "cuong", "hoa", "hung", "lan", "linh", "mai", "nam", "yen"]
    searches = []
    for index in range(args.searches):
        kind = index % 4
        if kind == 0:
            query = "name=" + urllib.parse.quote(f"{rng.choice(family)} van {rng.choice(given)}")
        elif kind == 1:
            query = f"id_number={rng.randrange(52_500):012d}"
        elif kind == 2:
            since = time.strftime("%Y-%m-%dT%H:00:00Z", time.gmtime(time.time() - rng.randrange(1, 7) * 86_400))
            query = f"gate=gate-2&since={since}&direction=exit"
        else:
            query = "decision=admit&name=" + urllib.parse.quote(rng.choice(given))
        ms, _ = get("check-ins?limit=100&" + query)
        searches.append(ms)
    report["search"] = summary(searches)

    if args.browser:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800", "--disable-dev-shm-usage"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver", log_output=subprocess.DEVNULL), options=options)
        try:
            base = f"http://127.0.0.1:{args.port}"
            driver.get(base + "/console/console.css")
            name, value = cookie.split("=", 1)
            driver.add_cookie({"name": name, "value": value, "path": "/console"})
            pages = []
            for run in range(args.loads):
                started = time.perf_counter()
                driver.get(base + f"/console?run={run}#now")  # a new document each time, not a hash change
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    if driver.execute_script("return document.getElementById('now-updated').textContent !== ''"):
                        break
                    time.sleep(0.01)
                pages.append((time.perf_counter() - started) * 1000)
                drawn = driver.execute_script(
                    "return {inside_rows: document.querySelectorAll('#inside tr[data-checkin-id]').length,"
                    " left_rows: document.querySelectorAll('#left-not-returned tr[data-checkin-id]').length,"
                    " inside_count: document.getElementById('inside-count').textContent,"
                    " left_count: document.getElementById('left-count').textContent}")
            report["now_page"] = summary(pages) | drawn
        finally:
            driver.quit()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
