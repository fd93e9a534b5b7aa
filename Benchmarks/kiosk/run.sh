#!/usr/bin/env bash
# Scan-to-screen latency of the kiosk page (issue #13): the built daemon, headless Chromium on
# /kiosk (Tests/Browser/kiosk_screen.py), ROUNDS codes posted as a kiosk upload and ROUNDS images
# dropped into the watched folder, alternating admit and refuse (the demo's samples). For each,
# the page's wall clock when it entered the result, against:
#   post   the POST /v1/scans leaving the client (decision, commit, receipt and stream included)
#   id     the check-in id's UUIDv7 time, taken when the check-in was made, before its commit:
#          what the screen adds beyond the decision and the commit, plus the commit itself
#   drop   the image renamed into the watched folder (the folder's 300 ms settle time and its
#          500 ms poll included: a camera has neither)
# and the page's weight. Nothing is asserted: numbers for docs/PERFORMANCE.md.
#   Benchmarks/kiosk/run.sh [QRGATE_BINARY] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
qrgate=$(realpath "${1:-.build/debug/qrgate}")
rounds=${2:-20}
python=$(scripts/install-deps --selenium-python)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat > "$work/gateway.yaml" <<YAML
state_directory: $work/state
trust:
  rules_directory: $repo/device-config/rules
  demo_directory: $repo/device-config/demo
scanner:
  dedup_seconds: 0
  presentation_seconds: 0
kiosk:
  result_seconds: 2
  sound: false
YAML
config=(--config "$work/gateway.yaml")
QRGATE_HTTP_ADDRESS=127.0.0.1:$port "$qrgate" run "${config[@]}" 2>"$work/daemon.log" &
pid=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
"$qrgate" demo "${config[@]}" --out "$work/samples" >/dev/null
token=$("$qrgate" token create --role kiosk --name bench "${config[@]}")
"$qrgate" scan --json "$work/samples/1-admit.png" "$work/samples/2-refuse-one-dose.png" > "$work/texts.ndjson"
python3 - "$work" "$rounds" > "$work/steps.json" <<'PY'
import json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
texts = [json.loads(line)["symbols"][0]["text"] for line in open(f"{work}/texts.ndjson")]
files = [f"{work}/samples/1-admit.png", f"{work}/samples/2-refuse-one-dose.png"]
steps = [{"name": f"post-{i}", "texts": [texts[i % 2]]} for i in range(rounds)]
steps += [{"name": f"drop-{i}", "file": files[i % 2]} for i in range(rounds)]
print(json.dumps(steps))
PY
"$python" Tests/Browser/kiosk_screen.py --port "$port" --token "$token" --scans "$work/steps.json" \
  --out "$work/browser" --size 800x480 --inbox "$work/state/inbox" --timeout 900 > "$work/report.json"
python3 - "$work/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]
def uuid7_ms(text):
    return int(text.replace("-", "")[:12], 16)
series = {"post": [], "id": [], "drop": []}
missing = 0
for step in report["steps"]:
    dom, sent, cid = step.get("dom_wall_ms"), step.get("sent_wall_ms"), step.get("api_check_in_id")
    if dom is None or cid is None:
        missing += 1
        continue
    kind = "post" if step["step"].startswith("post") else "drop"
    series[kind].append(dom - sent)
    series["id"].append(dom - uuid7_ms(cid))
for name, values in series.items():
    if values:
        print(f"{name:>5}: n={len(values)} p50={pct(values, 50):.0f} ms p99={pct(values, 99):.0f} ms max={max(values):.0f} ms")
print(f"steps without a result on the page: {missing}")
print(f"page weight: {report.get('page_bytes')} bytes decoded, {report.get('page_transfer_bytes')} bytes transferred")
print(f"browser console problems: {len(report.get('console_problems', []))}; error: {report.get('error')}")
PY
