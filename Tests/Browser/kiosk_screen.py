#!/usr/bin/env python3
"""The kiosk screen in a real browser, against a running qrgate daemon.

Opens http://127.0.0.1:PORT/kiosk in headless Chromium (Debian's chromium and chromium-driver,
through selenium), posts each step's texts to /v1/scans with a kiosk token, and reports what the
page showed for each recorded check-in. It asserts nothing: it prints one JSON report on stdout
and the caller (Tests/EndToEndTests/KioskBrowserTests.swift) judges it.

    <selenium python> Tests/Browser/kiosk_screen.py --port PORT --token KIOSK_TOKEN \
        --scans SCANS.json --out OUTDIR [--size 800x480]

SCANS.json is a JSON array of steps: [{"name": "admit", "texts": ["HC1:..."]}, ...]; a step may
also carry a "declaration" object, posted with its texts as is, or a "form" object, filled in on
the screen before its texts are posted:
    {"name": "declare-then-certificate", "texts": ["HC1:..."],
     "form": {"symptoms": ["cough"], "contact_with_confirmed_case": "no",
              "travelled_last_14_days": "yes", "free_text": "..."}}
For a form the page must go idle with the declare button (data-declare="true"); the button is
tapped, each listed symptom and each yes/no answer ("yes" / "no", or true / false) is tapped,
the free text (if any) typed, and Submit tapped; then the page should show "waiting" (the
certificate is still missing). A step with a form may leave out "texts": then nothing is
posted and its report has only the form's keys. A step {"name", "file": IMAGE, "expect": "result" |
"waiting" | "error"} copies IMAGE into the watched folder (--inbox) instead of posting, and waits
for what it expects; a step {"name", "cut_seconds": N} freezes the daemon (SIGSTOP to
--daemon-pid) for N seconds and then lets it go on, reporting "cut_banner_shown" (the page said it
lost the gate) and "reconnected_after_seconds" (back by itself, or null). Every step reports
"sent_wall_ms" (the drop or the post) and "dom_wall_ms" (the page entering the step's state, by
the page's wall clock), and the report "page_bytes" (what the page loaded, the stream aside). The Python with selenium is the one
`scripts/install-deps --selenium-python` prints. OUTDIR gets idle.png, <step name>.png,
<step name>-waiting.png for a form and console.json (every browser log entry, for reading
after a failure).

The report:
    {"connected": bool,            # the page's data-connected became "true"
     "idle_before": bool,          # ... and it showed idle before the first scan
     "steps": [{"step": name of the step,
                "api_status": HTTP status of POST /v1/scans, "api_check_in_id", "api_decision",
                "api_error": the answer's error code or null,
                "page_state": "result" when the page showed this check-in, else the state seen,
                "page_check_in_id", "page_decision",      # <html data-checkin-id / data-decision>
                "decision_word", "direction", "name",     # shown text; "vi / en" when both show
                "reason_codes": data-code of each #reasons li,
                "has_receipt_svg": #receipt holds an <svg>, "receipt_svg_shapes": its shapes,
                "staff_notes_visible": bool,
                "contrast": WCAG ratio of #decision-word's colour on its background, 2 decimals,
                "contrast_colors": {"color", "background"},
                "back_to_idle_seconds": from the page entering this result to its next idle, by
                the page's clock; null when it did not go back to idle in time,
                "screenshot": path, "screenshot_shows_result": the page still showed this
                check-in right after the screenshot,
                # only for a step with a form, before the keys above (which it lacks without texts):
                "form_declare_visible": the page went idle showing the declare button,
                "form_submitted": Submit was tapped while enabled and the page took the form,
                "form_state_after": data-state once the page showed "waiting" or the wait ended,
                "form_waiting_have": data-code (else the text) of each #have li then,
                "form_screenshot": path of <step name>-waiting.png,
                "form_error": null or what went wrong in the form (a control not found, the
                page's declaration-error code, a driver error)}],
     "console_problems": [{"source", "level", "message"}],  # SEVERE entries, anything about the
                                    # Content Security Policy, CSP violation events, resources
                                    # answered with an HTTP error, and the page's icon (the
                                    # declared one, else /favicon.ico) when it does not load
     "screenshots": [paths],
     "error": null or what stopped the run early}

Exit status: 0 when the browser ran (whatever it saw), 1 when the browser could not start,
2 for bad arguments, 3 when the whole run took longer than --timeout (the partial report is
still printed). Every wait is bounded; the driver is always quit.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

HOST = "127.0.0.1"  # loopback only: the stream is open there without a token
READY_TIMEOUT = 15.0
RESULT_TIMEOUT = 15.0
IDLE_TIMEOUT = 15.0
NOTHING_TIMEOUT = 5.0
FORM_TIMEOUT = 15.0
POLL = 0.05

YES_NO = {"yes": "yes", "no": "no", True: "yes", False: "no"}

# Installed once on the page: records every change of data-state / data-checkin-id with its
# time, describes the page the moment it enters a result (so nothing is missed between polls),
# and collects Content Security Policy violations.
PROBE_JS = r"""
if (!window.__kioskProbe) {
  const root = document.documentElement;
  const probe = { transitions: [], results: {}, csp: [] };

  const visible = (el) => !!el && !el.hidden && getComputedStyle(el).display !== 'none';
  // What a person reads: the visible language spans joined by " / ", else the text.
  const shown = (el) => {
    if (!visible(el)) return '';
    const spans = [...el.children].filter((c) => c.hasAttribute('lang'));
    if (spans.length === 0) return el.textContent.trim();
    return spans.filter(visible).map((s) => s.textContent.trim()).filter((t) => t).join(' / ');
  };

  const parse = (s) => {
    const m = /^rgba?\(([^)]*)\)$/.exec(s.trim());
    if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter((x) => x !== '').map(Number);
    if (p.length < 3 || p.some((x) => !Number.isFinite(x))) return null;
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  // The text colour against the background actually behind it: the backgrounds of the
  // element and its ancestors, composited from the first opaque one (white canvas below all).
  probe.contrast = (el) => {
    if (!el) return null;
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg === null) return null;
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let background = [255, 255, 255, 1];
    for (const layer of layers.reverse()) background = over(layer, background);
    const fg = parse(getComputedStyle(el).color);
    if (fg === null) return null;
    const color = over(fg, background);
    const [a, b] = [luminance(color), luminance(background)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return { ratio: Math.round(ratio * 100) / 100, color: hex(color), background: hex(background) };
  };

  probe.describe = () => {
    const $ = (id) => document.getElementById(id);
    const svg = document.querySelector('#receipt svg');
    const c = probe.contrast($('decision-word'));
    const demo = document.querySelector('#banners > li[data-banner="demo"]');
    return {
      state: root.dataset.state || null,
      mode: root.dataset.mode || null,
      demo_banner_visible: visible(demo) && demo.getClientRects().length > 0,
      reason_texts: [...document.querySelectorAll('#reasons li')].map((li) => li.textContent.trim()),
      error_code: root.dataset.state === 'error' ? ($('error-code').textContent.trim() || null) : null,
      have: [...document.querySelectorAll('#have li')].map((li) => li.dataset.code ?? null),
      needed: [...document.querySelectorAll('#needed li')].map((li) => li.dataset.code ?? null),
      connected: root.dataset.connected || null,
      check_in_id: root.dataset.checkinId || null,
      decision: root.dataset.decision || null,
      decision_word: shown($('decision-word')),
      direction: shown($('direction')),
      name: shown($('name')),
      reason_codes: [...document.querySelectorAll('#reasons li')].map((li) => li.dataset.code ?? null),
      has_receipt_svg: svg !== null,
      receipt_svg_shapes: svg ? svg.querySelectorAll('path, rect, circle, polygon, polyline, line').length : 0,
      staff_notes_visible: visible($('staff-notes')),
      contrast: c ? c.ratio : null,
      contrast_colors: c ? { color: c.color, background: c.background } : null,
    };
  };

  const record = () => {
    const state = root.dataset.state || null;
    const id = root.dataset.checkinId || null;
    const last = probe.transitions[probe.transitions.length - 1];
    if (last && last.state === state && last.id === id) return;
    probe.transitions.push({ state, id, t: performance.now(), wall: Date.now() });
    if (state === 'result' && id && !(id in probe.results)) probe.results[id] = probe.describe();
  };
  new MutationObserver(record).observe(root, { attributes: true, attributeFilter: ['data-state', 'data-checkin-id'] });
  document.addEventListener('securitypolicyviolation', (e) => {
    probe.csp.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || ''}:${e.lineNumber || 0}`);
  });
  record();
  window.__kioskProbe = probe;
}
return true;
"""

STATUS_JS = """
const p = window.__kioskProbe;
return { live: p.describe(), transitions: p.transitions, results: p.results };
"""

# The declaration form's side of the page, read at once.
FORM_JS = """
const root = document.documentElement;
const declare = document.getElementById('declare');
const error = document.getElementById('declaration-error');
const submit = document.getElementById('declaration-submit');
return {
  state: root.dataset.state || null,
  connected: root.dataset.connected || null,
  declare: root.dataset.declare || null,
  declaration: root.dataset.declaration || null,
  declare_visible: !!declare && declare.getClientRects().length > 0
    && getComputedStyle(declare).visibility !== 'hidden',
  submit_enabled: !!submit && !submit.disabled,
  error_code: error && !error.hidden ? (error.dataset.code || error.textContent.trim() || null) : null,
  have: [...document.querySelectorAll('#have li')].map((li) => li.dataset.code ?? li.textContent.trim()),
};
"""

ICON_JS = """
const link = document.querySelector('link[rel~="icon"]');
return link ? link.href : new URL('/favicon.ico', location.href).href;
"""

RESOURCES_JS = """
return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
  .map((e) => ({ url: e.name, status: e.responseStatus || 0, bytes: e.transferSize || 0,
                 body: e.decodedBodySize || 0, type: e.initiatorType || e.entryType }));
"""

CONNECTED_JS = """
const banner = document.getElementById('connection');
return { connected: document.documentElement.dataset.connected || null,
         banner_visible: !!banner && !banner.hidden && banner.getClientRects().length > 0 };
"""


class OverallTimeout(Exception):
    pass


def on_alarm(*_):
    raise OverallTimeout()


def fail(message, status=1):
    print(f"kiosk_screen: {message}", file=sys.stderr)
    sys.exit(status)


def parse_size(text):
    m = re.fullmatch(r"(\d{2,5})x(\d{2,5})", text)
    if not m:
        raise argparse.ArgumentTypeError(f"size must be WIDTHxHEIGHT, e.g. 800x480, not {text!r}")
    return int(m.group(1)), int(m.group(2))


def load_steps(path):
    try:
        with open(path, encoding="utf-8") as f:
            steps = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read the scans file {path}: {e}", 2)
    if not isinstance(steps, list) or not all(
        isinstance(s, dict) and isinstance(s.get("name"), str) and s["name"]
        and (("texts" not in s and "form" in s) or (
            isinstance(s.get("texts"), list) and all(isinstance(t, str) for t in s["texts"]))
            or isinstance(s.get("file"), str) or isinstance(s.get("cut_seconds"), (int, float)))
        and s.get("expect", "result") in ("result", "waiting", "error")
        and isinstance(s.get("declaration", {}), dict)
        and ("form" not in s or valid_form(s["form"]))
        for s in steps
    ):
        fail('the scans file must be a JSON array of {"name": "...", "texts": ["..."]}'
             ' (and optionally "declaration": {...} or "form": {"symptoms": ["..."],'
             ' "<yes/no question>": "yes" | "no", "free_text": "..."}; "texts" may be left out'
             ' with a form)', 2)
    return steps


def valid_form(form):
    """{"symptoms": [str], "free_text": str, any other id: "yes" | "no" | true | false}."""
    if not isinstance(form, dict):
        return False
    for key, value in form.items():
        if not isinstance(key, str) or not key:
            return False
        if key == "symptoms":
            if not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
                return False
        elif key == "free_text":
            if not isinstance(value, str):
                return False
        elif not (isinstance(value, (str, bool)) and value in YES_NO):
            return False
    return True


def css_string(value):
    """A CSS string literal, for an attribute selector."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def file_name(step_name, used):
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", step_name).strip("._") or "step"
    name, n = base, 2
    while name in used or name == "idle":
        name, n = f"{base}-{n}", n + 1
    used.add(name)
    return name + ".png"


def post_scan(port, token, step):
    """POST /v1/scans; returns (status, answer or None)."""
    body = {"texts": step["texts"]}
    if "declaration" in step:
        body["declaration"] = step["declaration"]
    request = urllib.request.Request(
        f"http://{HOST}:{port}/v1/scans",
        data=json.dumps(body).encode("utf-8"),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=RESULT_TIMEOUT) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    except (urllib.error.URLError, OSError) as e:
        return 0, {"error": {"code": "unreachable", "message": str(e)}}
    try:
        answer = json.loads(body.decode("utf-8"))
    except ValueError:
        answer = None
    return status, answer if isinstance(answer, dict) else None


def back_to_idle(driver, check_in_id, timeout):
    """Seconds from the page entering this check-in's result to its next idle, by the page's own
    clock; None when it did not go back to idle within `timeout`."""
    def index(t):
        return next((k for k, x in enumerate(t) if x["state"] == "result" and x["id"] == check_in_id), None)

    def left(s):
        i = index(s["transitions"])
        return i is not None and any(x["state"] == "idle" for x in s["transitions"][i + 1:])

    t = poll(driver, left, timeout)["transitions"]
    i = index(t)
    idle = next((x for x in t[i + 1:] if x["state"] == "idle"), None) if i is not None else None
    return round((idle["t"] - t[i]["t"]) / 1000, 3) if idle else None


def drop_file(inbox, path, used):
    """Copies an image into the watched folder as a scanner would leave it: written under a
    name the folder ignores, then renamed. Returns the wall time of the rename, in ms."""
    if not inbox:
        fail("a step with a file needs --inbox", 2)
    base = os.path.basename(path)
    name, n = base, 2
    while name in used:
        name, n = f"{n}-{base}", n + 1
    used.add(name)
    temporary = os.path.join(inbox, "." + name + ".part")
    shutil.copyfile(path, temporary)
    os.rename(temporary, os.path.join(inbox, name))
    return time.time() * 1000


def cut_stream(driver, pid, seconds, entry):
    """Freezes the daemon (SIGSTOP) for `seconds`, as a hung process or a dead link would look
    to the page: its stream falls silent. Records whether the page said it lost the gate, then
    lets the daemon go on (SIGCONT, always) and records when the page was back by itself."""
    if not pid:
        fail("a step with cut_seconds needs --daemon-pid", 2)
    lost = False
    os.kill(pid, signal.SIGSTOP)
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            now = driver.execute_script(CONNECTED_JS)
            lost = lost or (now["connected"] == "false" and now["banner_visible"])
            time.sleep(POLL)
        png = entry.pop("_png")
        driver.save_screenshot(png)
        entry["screenshot"] = png
    finally:
        os.kill(pid, signal.SIGCONT)
    entry["cut_banner_shown"] = lost
    restored = time.monotonic()
    deadline = restored + RESULT_TIMEOUT
    back = None
    while time.monotonic() < deadline:
        now = driver.execute_script(CONNECTED_JS)
        if now["connected"] == "true" and not now["banner_visible"]:
            back = round(time.monotonic() - restored, 3)
            break
        time.sleep(POLL)
    entry["reconnected_after_seconds"] = back


def icon_problem(url):
    """A real kiosk browser asks for the page's icon: it must load (a data: icon always does)."""
    if url.startswith("data:"):
        return None
    if not url.startswith(f"http://{HOST}:"):
        return f"the page's icon {url} is not on the gate"
    try:
        with urllib.request.urlopen(url, timeout=READY_TIMEOUT) as response:
            response.read()
            return None
    except urllib.error.HTTPError as e:
        return f"{url} answered {e.code}"
    except (urllib.error.URLError, OSError) as e:
        return f"{url} could not be loaded: {e}"


def poll(driver, until, timeout):
    """Calls STATUS_JS every POLL seconds until `until(status)` or the timeout; returns the last."""
    deadline = time.monotonic() + timeout
    while True:
        status = driver.execute_script(STATUS_JS)
        if until(status) or time.monotonic() >= deadline:
            return status
        time.sleep(POLL)


def poll_form(driver, until, timeout):
    """Calls FORM_JS every POLL seconds until `until(form)` or the timeout; returns the last."""
    deadline = time.monotonic() + timeout
    while True:
        form = driver.execute_script(FORM_JS)
        if until(form) or time.monotonic() >= deadline:
            return form
        time.sleep(POLL)


def fill_form(driver, step, entry, png):
    """Declares on the screen as a person would: waits for the idle page's declare button, taps
    it, taps the step's answers, types its free text and taps Submit, then waits for "waiting".
    Adds the form_* keys to `entry`; a failure is reported there, not raised."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By

    form = step["form"]
    entry.update({"form_declare_visible": False, "form_submitted": False, "form_state_after": None,
                  "form_waiting_have": [], "form_screenshot": png, "form_error": None})
    clicked = False
    try:
        now = poll_form(driver, lambda f: f["connected"] == "true" and f["state"] == "idle"
                        and f["declare"] == "true" and f["declare_visible"], FORM_TIMEOUT)
        entry["form_declare_visible"] = (now["state"] == "idle" and now["declare"] == "true"
                                         and now["declare_visible"])
        if not entry["form_declare_visible"]:
            entry["form_error"] = (f"no declare button on an idle page in {FORM_TIMEOUT:g} s (state "
                                   f"{now['state']}, data-declare {now['declare']})")
        else:
            driver.find_element(By.ID, "declare").click()
            now = poll_form(driver, lambda f: f["declaration"] == "filling" or f["error_code"] is not None,
                            FORM_TIMEOUT)
            if now["declaration"] != "filling":
                entry["form_error"] = (f"the form did not open for filling in (state {now['state']}, "
                                       f"declaration {now['declaration']}, error {now['error_code']})")
            else:
                missing = []
                selectors = [f'button[data-question="symptoms"][data-value={css_string(v)}]'
                             for v in form.get("symptoms", [])]
                selectors += [f"button[data-question={css_string(k)}][data-answer={YES_NO[v]}]"
                              for k, v in form.items() if k not in ("symptoms", "free_text")]
                for selector in selectors:
                    found = driver.find_elements(By.CSS_SELECTOR, selector)
                    if found:
                        found[0].click()
                    else:
                        missing.append(selector)
                if form.get("free_text"):
                    found = driver.find_elements(By.CSS_SELECTOR, 'textarea[data-question="free_text"]')
                    if found:
                        found[0].send_keys(form["free_text"])
                    else:
                        missing.append('textarea[data-question="free_text"]')
                if missing:
                    entry["form_error"] = "not on the form: " + ", ".join(missing)
                else:
                    submit = driver.find_element(By.ID, "declaration-submit")
                    if not submit.is_enabled():
                        entry["form_error"] = "Submit stayed disabled after the answers"
                    else:
                        submit.click()
                        clicked = True
        # "waiting" (the certificate is still missing), or the form's own error
        now = poll_form(driver, lambda f: f["state"] == "waiting"
                        or (f["declaration"] == "filling" and f["error_code"] is not None),
                        FORM_TIMEOUT if clicked else 0)
        entry["form_submitted"] = clicked and not (now["state"] == "declaring" and now["declaration"] == "filling")
        entry["form_state_after"] = now["state"]
        entry["form_waiting_have"] = now["have"] if now["state"] == "waiting" else []
        if clicked and now["error_code"] is not None and entry["form_error"] is None:
            entry["form_error"] = f"the page says the declaration was not sent: {now['error_code']}"
        elif clicked and now["state"] != "waiting" and entry["form_error"] is None:
            entry["form_error"] = (f"no waiting view in {FORM_TIMEOUT:g} s after Submit (state {now['state']}, "
                                   f"declaration {now['declaration']})")
    except WebDriverException as e:
        entry["form_error"] = f"{type(e).__name__}: {(str(e).strip().splitlines() or [''])[0]}"
    driver.save_screenshot(png)


def start_driver(args, width, height):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
                "--disable-dev-shm-usage", "--mute-audio", "--no-first-run", "--hide-scrollbars"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=args.chromedriver, log_output=subprocess.DEVNULL)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(READY_TIMEOUT)
    driver.set_script_timeout(READY_TIMEOUT)
    # The screenshot is the viewport: make it exactly the kiosk's screen.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return driver


class Console:
    """Keeps every browser log entry (the log is drained on each read) and picks the problems."""

    def __init__(self, driver):
        self.driver = driver
        self.entries = []

    def drain(self):
        try:
            self.entries.extend(self.driver.get_log("browser"))
        except Exception as e:  # a driver without the log endpoint: say so once
            if not any(x.get("source") == "qrgate-probe" for x in self.entries):
                self.entries.append({"level": "SEVERE", "source": "qrgate-probe",
                                     "message": f"the browser log could not be read: {e}"})

    def problems(self):
        return [
            {"source": e.get("source", "console"), "level": e.get("level"), "message": e.get("message")}
            for e in self.entries
            if e.get("level") == "SEVERE" or "content security policy" in str(e.get("message", "")).lower()
        ]


def run(args, report):
    width, height = args.size
    steps = load_steps(args.scans)
    os.makedirs(args.out, exist_ok=True)

    # checked here, so selenium never goes looking for a driver of its own
    for path, package in ((args.chromium, "chromium"), (args.chromedriver, "chromium-driver")):
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            fail(f"{path} is not there: install Debian's {package} (scripts/install-deps --test)")
    try:
        driver = start_driver(args, width, height)
    except Exception as e:
        fail(f"the browser could not start ({args.chromium} through {args.chromedriver}): "
             f"{type(e).__name__}: {(str(e).strip().splitlines() or [''])[0]}")
    console = Console(driver)
    try:
        driver.get(f"http://{HOST}:{args.port}/kiosk")
        driver.execute_script(PROBE_JS)
        status = poll(driver, lambda s: s["live"]["connected"] == "true" and s["live"]["state"] == "idle",
                      READY_TIMEOUT)
        report["connected"] = status["live"]["connected"] == "true"
        report["idle_before"] = report["connected"] and status["live"]["state"] == "idle"
        idle_png = os.path.join(args.out, "idle.png")
        driver.save_screenshot(idle_png)
        report["screenshots"].append(idle_png)

        used = set()
        dropped = set()
        for step in steps:
            entry = {"step": step["name"]}
            report["steps"].append(entry)
            if "cut_seconds" in step:
                entry["_png"] = os.path.join(args.out, file_name(step["name"], used))
                cut_stream(driver, args.daemon_pid, float(step["cut_seconds"]), entry)
                report["screenshots"].append(entry["screenshot"])
                console.drain()
                continue
            if "file" in step:
                expect = step.get("expect", "result")
                before = driver.execute_script(STATUS_JS)
                known = set(before["results"])
                mark = len(before["transitions"])
                entry["sent_wall_ms"] = drop_file(args.inbox, step["file"], dropped)

                def arrived(s):
                    later = s["transitions"][mark:]
                    if expect == "waiting":
                        return any(x["state"] == "waiting" for x in later)
                    if expect == "error":
                        return any(x["state"] == "error" for x in later)
                    return any(k not in known for k in s["results"])

                status = poll(driver, arrived, RESULT_TIMEOUT)
                new = [k for k in status["results"] if k not in known]
                check_in_id = new[0] if new else None
                shown_state = next((x for x in status["transitions"][mark:]
                                    if (x["state"] == "result" and x["id"] == check_in_id)
                                    or (expect != "result" and x["state"] == expect)), None)
                entry["dom_wall_ms"] = shown_state["wall"] if shown_state else None
                entry.update({"api_status": None, "api_check_in_id": check_in_id, "api_decision": None, "api_error": None})
                png = os.path.join(args.out, file_name(step["name"], used))
                driver.save_screenshot(png)
                report["screenshots"].append(png)
                entry["screenshot"] = png
                live = driver.execute_script(STATUS_JS)["live"]
                entry["screenshot_shows_result"] = (
                    live["state"] == "result" and check_in_id is not None and live["check_in_id"] == check_in_id)
                page = status["results"].get(check_in_id) if check_in_id else live
                entry["page_state"] = "result" if check_in_id else live["state"]
                entry.update({k if k not in ("check_in_id", "decision") else "page_" + k: v
                              for k, v in page.items() if k not in ("state", "connected")})
                entry["back_to_idle_seconds"] = back_to_idle(driver, check_in_id, IDLE_TIMEOUT if check_in_id else 0)
                console.drain()
                continue
            if "form" in step:
                png = os.path.join(args.out, file_name(step["name"] + "-waiting", used))
                fill_form(driver, step, entry, png)
                report["screenshots"].append(png)
                if "texts" not in step:
                    console.drain()
                    continue
            entry["sent_wall_ms"] = time.time() * 1000
            api_status, answer = post_scan(args.port, args.token, step)
            answer = answer or {}
            check_in_id = answer.get("check_in_id") if isinstance(answer.get("check_in_id"), str) else None
            error = answer.get("error")
            entry.update({
                "api_status": api_status,
                "api_check_in_id": check_in_id,
                "api_decision": answer.get("decision"),
                "api_error": error.get("code") if isinstance(error, dict) else None,
            })

            def shown(s):
                if check_in_id is None:
                    return s["live"]["state"] in ("result", "error")
                return check_in_id in s["results"]

            # nothing recorded: the page shows a result or an error soon, if anything
            status = poll(driver, shown, RESULT_TIMEOUT if check_in_id else NOTHING_TIMEOUT)
            png = os.path.join(args.out, file_name(step["name"], used))
            driver.save_screenshot(png)
            report["screenshots"].append(png)
            entry["screenshot"] = png
            after = driver.execute_script(STATUS_JS)["live"]
            entry["screenshot_shows_result"] = (
                after["state"] == "result" and check_in_id is not None and after["check_in_id"] == check_in_id)

            seen = status["results"].get(check_in_id) if check_in_id else None
            page = seen or status["live"]
            shown_state = next((x for x in status["transitions"] if x["state"] == "result" and x["id"] == check_in_id), None)
            entry["dom_wall_ms"] = shown_state["wall"] if shown_state else None
            entry.update({
                "page_state": "result" if seen else page["state"],
                "page_check_in_id": page["check_in_id"],
                "page_decision": page["decision"],
                "decision_word": page["decision_word"],
                "direction": page["direction"],
                "name": page["name"],
                "reason_codes": page["reason_codes"],
                "has_receipt_svg": page["has_receipt_svg"],
                "receipt_svg_shapes": page["receipt_svg_shapes"],
                "staff_notes_visible": page["staff_notes_visible"],
                "error_code": page["error_code"],
                "mode": page["mode"],
                "demo_banner_visible": page["demo_banner_visible"],
                "reason_texts": page["reason_texts"],
                "contrast": page["contrast"],
                "contrast_colors": page["contrast_colors"],
            })

            entry["back_to_idle_seconds"] = back_to_idle(driver, check_in_id, IDLE_TIMEOUT if seen else 0)
            console.drain()

        console.drain()
        for v in driver.execute_script("return window.__kioskProbe.csp"):
            console.entries.append({"level": "SEVERE", "source": "securitypolicyviolation", "message": v})
        problem = icon_problem(driver.execute_script(ICON_JS))
        if problem:
            console.entries.append({"level": "SEVERE", "source": "icon", "message": problem})
        resources = driver.execute_script(RESOURCES_JS)
        # what the page itself weighs: the document and what it loads, not the event stream
        report["page_bytes"] = sum(r["body"] for r in resources if "/kiosk/events" not in r["url"])
        report["page_transfer_bytes"] = sum(r["bytes"] for r in resources if "/kiosk/events" not in r["url"])
        for r in resources:
            if r["status"] >= 400:
                console.entries.append({"level": "SEVERE", "source": "network",
                                        "message": f"{r['url']} answered {r['status']}"})
    finally:
        report["console_problems"] = console.problems()
        try:
            with open(os.path.join(args.out, "console.json"), "w", encoding="utf-8") as f:
                json.dump(console.entries, f, ensure_ascii=False, indent=1)
        except OSError:
            pass
        signal.alarm(0)
        signal.signal(signal.SIGALRM, on_alarm)
        signal.alarm(20)  # quitting is bounded too; a stuck chromedriver is killed
        try:
            driver.quit()
        except Exception:
            process = getattr(getattr(driver, "service", None), "process", None)
            if process is not None:
                process.kill()
        finally:
            signal.alarm(0)


def main():
    parser = argparse.ArgumentParser(description="The qrgate kiosk screen in headless Chromium.")
    parser.add_argument("--port", type=int, required=True, help="the daemon's local API port (127.0.0.1)")
    parser.add_argument("--token", required=True, help="a kiosk token's secret (for POST /v1/scans)")
    parser.add_argument("--scans", required=True, help='JSON array of {"name": ..., "texts": [...]}')
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--inbox", help="the gate's watched folder, for steps with a file")
    parser.add_argument("--daemon-pid", type=int, help="the daemon's process id, for steps with cut_seconds")
    parser.add_argument("--size", type=parse_size, default=(800, 480), help="screen size, WIDTHxHEIGHT (800x480)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds for the whole run (120)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Debian's chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver", help="Debian's chromium-driver")
    args = parser.parse_args()

    report = {"connected": False, "idle_before": False, "steps": [], "console_problems": [],
              "screenshots": [], "error": None}

    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(max(1, args.timeout))
    status = 0
    try:
        run(args, report)
    except OverallTimeout:
        report["error"] = f"the run took longer than {args.timeout} s"
        status = 3
    except Exception as e:  # the browser ran but something broke: report it with what was seen
        first = (str(e).strip().splitlines() or [""])[0]  # no driver stack traces
        report["error"] = f"{type(e).__name__}: {first}"
    finally:
        signal.alarm(0)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    if status:
        print(f"kiosk_screen: {report['error']}", file=sys.stderr)
    sys.exit(status)


if __name__ == "__main__":
    main()
