#!/usr/bin/env python3
"""The supervisor console in a real browser, against a running qrgate daemon.

Opens http://127.0.0.1:PORT/console in headless Chromium (Debian's chromium and chromium-driver,
through selenium), signs in through the page's own form, reads what each view shows, exports,
signs out, and tries a forged cookie and cross-site posts from a page on another origin. It
asserts nothing: it prints one JSON report on stdout and the caller
(Tests/EndToEndTests/ConsoleBrowserTests.swift) judges it.

    <selenium python> Tests/Browser/console.py --port PORT --supervisor SECRET --operator SECRET \
        --kiosk SECRET --live LIVE.json --search "nguyen thi hoa" --out OUTDIR [--size 1280x800]

LIVE.json is {"texts": [...]}: posted to /v1/scans with the kiosk token while the "now" view is
open, to see the new entry arrive without a reload.

The report:
    {"signin_form": {"method", "action", "has_token_input"},
     "wrong_token": {"view", "message"},          # after a wrong token through the form
     "cookie": {"httpOnly", "sameSite", "path"}, # the session cookie as the browser holds it
     "now_ms": ms from opening /console#now to its lists drawn,
     "inside_count": the count the view shows, "inside": [data-checkin-id of #inside rows over all its
     pages, ten a page], "inside_pages": [rows on each page], "inside_shown": the pager's text,
     "inside_filtered": {"ids", "shown"} after typing the search text into the list's filter,
     "overdue": [{"checkin_id", "id_number", "text"}],
     "left_not_returned": [data-checkin-id], "overdue_style": {"color", "background"},
     "live": {"api_check_in_id", "seen_ms"},     # null seen_ms: it never appeared
     "search": {"names": [...], "ids": [...]}, "person": {"title", "rows"},
     "export": {"file", "bytes"},                # the CSV the export link downloaded
     "day": {"bars", "occupancy_points", "marks"},
     "signed_out": {"view", "old_cookie_status"}, # the view, and /console/api/inside with the old cookie
     "forged": {"view", "status"},
     "cross_site": [{"what", "status_text"}],    # what the browser showed after each post
     "operator": {"status_keys", "access_rows", "tokens"},
     "token_made": {"secret", "confirm", "revoked_after_dismiss", "revoked_after_accept", "button_left"},
                                                 # a token created and revoked in the page
     "screenshots": [paths], "console_problems": [...], "error": null or what stopped the run}

Exit status: 0 when the browser ran, 1 when it could not start, 3 on the overall timeout.
"""

import argparse
import http.server
import json
import os
import signal
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

HOST = "127.0.0.1"
WAIT = 15.0


def fail(message):
    print(json.dumps({"error": message}))
    sys.exit(1)


def wait_for(driver, script, timeout=WAIT):
    """Polls a JavaScript expression until it is truthy; its value, or None after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = driver.execute_script("try { return (" + script + "); } catch (e) { return null; }")
        except Exception:  # the page is between two documents
            value = None
        if value:
            return value
        time.sleep(0.05)
    return None


def start_driver(args, downloads):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    width, height = args.size
    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=args.chromedriver, log_output=subprocess.DEVNULL)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def api_status(port, path, cookie):
    request = urllib.request.Request(f"http://{HOST}:{port}{path}", headers={"Cookie": "qrgate_console=" + cookie})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def post_scan(port, token, texts):
    body = json.dumps({"texts": texts}).encode()
    request = urllib.request.Request(f"http://{HOST}:{port}/v1/scans", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=15) as response:
        return json.loads(response.read())


class AttackerSite:
    """A page on another origin (another port) with forms that post to the console."""

    def __init__(self, port):
        target = f"http://{HOST}:{port}"
        page = f"""<!doctype html><html><body>
<form id="create" method="post" action="{target}/console/api/tokens" enctype="text/plain">
<input name='{{"role":"operator","name":"attacker","x":"' value='"}}'><button id="create-go">create</button></form>
<form id="signout" method="post" action="{target}/console/api/sign-out"><button id="signout-go">sign out</button></form>
<form id="login" method="post" action="{target}/console/sign-in"><input name="token" value="qrg_attackers_own_token">
<button id="login-go">login</button></form></body></html>""".encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        self.server = socketserver.TCPServer((HOST, 0), Handler)
        self.url = f"http://{HOST}:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def sign_in(driver, base, token):
    from selenium.webdriver.common.by import By

    driver.get(base + "/console")
    wait_for(driver, "document.body.dataset.view === 'signin'")
    field = driver.find_element(By.CSS_SELECTOR, "form#sign-in input[name=token]")
    field.clear()
    field.send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "form#sign-in button[type=submit]").click()


def rows(driver, container):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tr[data-checkin-id]')).map(r => r.dataset.checkinId)", container)


def run(args, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base = f"http://{HOST}:{args.port}"
    shots = report["screenshots"]
    downloads = os.path.join(args.out, "downloads")
    os.makedirs(downloads, exist_ok=True)
    for name in os.listdir(downloads):
        os.remove(os.path.join(downloads, name))

    def shot(name):
        path = os.path.join(args.out, name + ".png")
        driver.save_screenshot(path)
        shots.append(path)

    def tablet_shot(name):
        """The same view as a tablet in landscape shows it (1024×768), then back to the run's size."""
        width, height = args.size
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1024, "height": 768, "deviceScaleFactor": 1, "mobile": False})
        time.sleep(0.3)
        shot(name + "-1024x768")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    for path, package in ((args.chromium, "chromium"), (args.chromedriver, "chromium-driver")):
        if not os.access(path, os.X_OK):
            fail(f"{path} is not there: install Debian's {package} (scripts/install-deps --test)")
    try:
        driver = start_driver(args, downloads)
    except Exception as e:
        fail(f"the browser could not start: {type(e).__name__}: {(str(e).strip().splitlines() or [''])[0]}")
    attacker = AttackerSite(args.port)
    logs = []
    try:
        driver.get(base + "/console")
        wait_for(driver, "document.body.dataset.view === 'signin'")
        report["signin_form"] = driver.execute_script(
            "const f = document.querySelector('form#sign-in'); return f && {method: f.method, action: f.getAttribute('action'),"
            " has_token_input: !!f.querySelector('input[name=token]')}")
        shot("signin")

        sign_in(driver, base, "qrg_" + "C" * 43)
        wait_for(driver, "document.body.dataset.view === 'signin' && document.getElementById('signin-message').textContent")
        report["wrong_token"] = driver.execute_script(
            "return {view: document.body.dataset.view, message: document.getElementById('signin-message').textContent}")

        sign_in(driver, base, args.supervisor)
        wait_for(driver, "document.body.dataset.view === 'now' && document.getElementById('now-updated').textContent")
        cookie = next((c for c in driver.get_cookies() if c["name"] == "qrgate_console"), None)
        report["cookie"] = cookie and {"httpOnly": cookie.get("httpOnly"), "sameSite": cookie.get("sameSite"), "path": cookie.get("path")}
        session_cookie = cookie["value"] if cookie else ""

        started = time.monotonic()
        driver.get(base + "/console#now")
        drawn = wait_for(driver, "document.body.dataset.view === 'now' && document.getElementById('now-updated').textContent")
        report["now_ms"] = round((time.monotonic() - started) * 1000) if drawn else None
        report["inside_count"] = driver.execute_script("return document.getElementById('inside-count').textContent")
        report["left_not_returned"] = rows(driver, "left-not-returned")
        report["overdue"] = driver.execute_script(
            "return Array.from(document.querySelectorAll('#overdue tr[data-checkin-id]')).map(r =>"
            " ({checkin_id: r.dataset.checkinId, id_number: r.dataset.idNumber, text: r.textContent}))")
        report["overdue_style"] = driver.execute_script(
            "const r = document.querySelector('#overdue tr td'); if (!r) return null; const s = getComputedStyle(r);"
            " const p = getComputedStyle(r.closest('.panel')); return {color: s.color, background: p.backgroundColor}")
        shot("now")

        # The inside list is drawn a page at a time: ten rows a page, walked to its end.
        Select(driver.find_element(By.ID, "inside-page-size")).select_by_value("10")
        report["inside"], report["inside_pages"] = [], []
        while True:
            page = rows(driver, "inside")
            report["inside"].extend(page)
            report["inside_pages"].append(len(page))
            if driver.find_element(By.ID, "inside-next").get_attribute("disabled") is not None or len(report["inside_pages"]) > 50:
                break
            driver.find_element(By.ID, "inside-next").click()
            wait_for(driver, "document.getElementById('inside').dataset.page === '%d'" % (len(report["inside_pages"]) + 1))
        report["inside_shown"] = driver.execute_script("return document.getElementById('inside-shown').textContent")
        # Its filter: a name typed without diacritics.
        Select(driver.find_element(By.ID, "inside-page-size")).select_by_value("100")
        driver.find_element(By.ID, "inside-filter").send_keys(args.search)
        wait_for(driver, "document.getElementById('inside').dataset.matching !== '%d'" % len(report["inside"]))
        report["inside_filtered"] = {"ids": rows(driver, "inside"),
                                     "shown": driver.execute_script("return document.getElementById('inside-shown').textContent")}
        driver.find_element(By.ID, "inside-filter").clear()
        driver.execute_script("document.getElementById('inside-filter').dispatchEvent(new Event('input'))")

        with open(args.live, encoding="utf-8") as f:
            live = json.load(f)
        answer = post_scan(args.port, args.kiosk, live["texts"])
        report["live"] = {"api_check_in_id": answer.get("check_in_id"), "api_decision": answer.get("decision"), "seen_ms": None}
        posted = time.monotonic()
        if wait_for(driver, "document.querySelector('#inside tr[data-checkin-id=\"' + %s + '\"]')" % json.dumps(answer.get("check_in_id"))):
            report["live"]["seen_ms"] = round((time.monotonic() - posted) * 1000)
        tablet_shot("now")

        driver.get(base + "/console#search")
        wait_for(driver, "document.body.dataset.view === 'search'")
        box = driver.find_element(By.CSS_SELECTOR, "#search-form input[name=name]")
        box.send_keys(args.search)
        driver.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()
        wait_for(driver, "document.getElementById('results-count').textContent && "
                 "(document.getElementById('results').dataset.query || '').includes('name=')")
        report["search"] = driver.execute_script(
            "const r = Array.from(document.querySelectorAll('#results tr[data-checkin-id]'));"
            " return {ids: r.map(x => x.dataset.checkinId), names: r.map(x => x.children[1].textContent)}")
        shot("search")

        driver.find_element(By.ID, "export-csv").click()
        deadline = time.monotonic() + WAIT
        exported = None
        while time.monotonic() < deadline and exported is None:
            done = [n for n in os.listdir(downloads) if n.endswith(".csv")]
            if done and not any(n.endswith(".crdownload") for n in os.listdir(downloads)):
                exported = os.path.join(downloads, done[0])
            time.sleep(0.1)
        report["export"] = exported and {"file": exported, "bytes": os.path.getsize(exported)}

        links = driver.find_elements(By.CSS_SELECTOR, "#results tr[data-checkin-id] td a")
        if links:
            links[0].click()
            wait_for(driver, "document.body.dataset.view === 'person' && document.querySelectorAll('#person-rows tr[data-checkin-id]').length")
            report["person"] = driver.execute_script(
                "return {title: document.getElementById('person-title').textContent,"
                " rows: document.querySelectorAll('#person-rows tr[data-checkin-id]').length}")
            shot("person")

        driver.get(base + "/console#day")
        wait_for(driver, "document.querySelector('#day-svg')")
        report["day"] = driver.execute_script(
            "const s = document.querySelector('#day-svg'); return s && {bars: s.querySelectorAll('rect.entries, rect.exits').length,"
            " occupancy_points: (s.querySelector('polyline.occupancy') || {getAttribute: () => ''}).getAttribute('points').split(' ').filter(Boolean).length,"
            " marks: s.querySelectorAll('circle.refusal').length}")
        shot("day")
        tablet_shot("day")

        driver.find_element(By.ID, "sign-out").click()
        wait_for(driver, "document.body.dataset.view === 'signin'")
        report["signed_out"] = {"view": driver.execute_script("return document.body.dataset.view"),
                                "old_cookie_status": api_status(args.port, "/console/api/inside", session_cookie)}
        driver.get(base + "/console")
        wait_for(driver, "document.body.dataset.view === 'signin'")
        report["signed_out"]["after_reload"] = driver.execute_script("return document.body.dataset.view")

        driver.delete_all_cookies()
        driver.add_cookie({"name": "qrgate_console", "value": "A" * 43, "path": "/console"})
        driver.get(base + "/console")
        wait_for(driver, "document.body.dataset.view === 'signin'")
        report["forged"] = {"view": driver.execute_script("return document.body.dataset.view"),
                            "status": api_status(args.port, "/console/api/inside", "A" * 43)}

        # Signed in as an operator, a page of another origin posts to the console.
        sign_in(driver, base, args.operator)
        wait_for(driver, "document.body.dataset.view === 'operator' && document.querySelectorAll('#tokens tr[data-token-id]').length")
        report["operator"] = driver.execute_script(
            "return {status_keys: Array.from(document.querySelectorAll('#status dd')).map(d => d.dataset.key),"
            " access_rows: document.querySelectorAll('#access-log tr[data-access-id]').length,"
            " tokens: document.querySelectorAll('#tokens tr[data-token-id]').length}")
        shot("operator")
        # A token made in the page, then revoked: the first confirmation dismissed, the second accepted.
        form = driver.find_element(By.ID, "token-form")
        Select(form.find_element(By.NAME, "role")).select_by_value("supervisor")
        form.find_element(By.NAME, "name").send_keys("ca đêm cổng 3")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(driver, "!document.getElementById('token-secret').hidden && document.querySelectorAll('#tokens tr[data-token-id]').length === 4")
        secret_text = driver.execute_script("return document.getElementById('token-secret').textContent")
        token_row = ("Array.from(document.querySelectorAll('#tokens tr[data-token-id]'))"
                     ".find(r => r.children[1].textContent === 'ca đêm cổng 3')")

        def revoke_and(answer):
            driver.execute_script("const r = " + token_row + "; r.querySelector('button').click()")
            alert = driver.switch_to.alert
            text = alert.text
            alert.accept() if answer else alert.dismiss()
            time.sleep(0.5)
            return text

        confirm_text = revoke_and(False)
        after_dismiss = driver.execute_script("return " + token_row + ".children[4].textContent")
        revoke_and(True)
        wait_for(driver, token_row + ".children[4].textContent !== ''")
        report["token_made"] = {"secret": secret_text.split()[-1] if secret_text else None, "confirm": confirm_text,
                                "revoked_after_dismiss": after_dismiss,
                                "revoked_after_accept": driver.execute_script("return " + token_row + ".children[4].textContent"),
                                "button_left": driver.execute_script("return !!" + token_row + ".querySelector('button')")}
        # What the console itself logged ends here; the attacks' own 403s are expected.
        logs.extend(driver.get_log("browser"))
        report["cross_site"] = []
        for form in ("create", "signout", "login"):
            driver.get(attacker.url)
            driver.find_element(By.ID, form + "-go").click()
            time.sleep(0.5)
            report["cross_site"].append({"what": form, "status_text": driver.execute_script("return document.body ? document.body.innerText : ''")})
        attack_logs = driver.get_log("browser")
        driver.get(base + "/console")
        report["operator_after_attacks"] = bool(wait_for(driver, "document.body.dataset.view === 'operator'"))
        logs.extend(driver.get_log("browser"))
        logs.extend(e for e in attack_logs if "content security policy" in str(e.get("message", "")).lower())
    finally:
        if "attack_logs" not in locals():
            try:
                logs.extend(driver.get_log("browser"))
            except Exception:
                pass
        report["console_problems"] = [
            {"level": e.get("level"), "message": e.get("message")} for e in logs
            if e.get("level") == "SEVERE" or "content security policy" in str(e.get("message", "")).lower()
        ]
        attacker.close()
        signal.alarm(20)
        try:
            driver.quit()
        except Exception:
            pass
        signal.alarm(0)


def parse_size(text):
    width, height = text.lower().split("x")
    return int(width), int(height)


def main():
    parser = argparse.ArgumentParser(description="The qrgate supervisor console in headless Chromium.")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--supervisor", required=True)
    parser.add_argument("--operator", required=True)
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--live", required=True)
    parser.add_argument("--search", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--size", type=parse_size, default=(1280, 800))
    parser.add_argument("--timeout", type=int, default=150)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    report = {"screenshots": [], "error": None}

    def on_alarm(*_):
        report["error"] = f"the run took longer than {args.timeout} s"
        print(json.dumps(report, ensure_ascii=False))
        os._exit(3)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(args.timeout)
    try:
        run(args, report)
    except Exception as e:
        report["error"] = f"{type(e).__name__}: {(str(e).strip().splitlines() or [''])[0]}"
    signal.alarm(0)
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
