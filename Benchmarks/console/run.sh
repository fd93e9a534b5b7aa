#!/bin/sh
# The console benchmark (docs/PERFORMANCE.md): seeds 100,000 check-ins with 5,000 inside into a
# fresh gate, starts it, and times the "now" view and searches through the console.
#   Benchmarks/console/run.sh [QRGATE_BINARY]     (default .build/release/qrgate)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=${1:-$root/.build/release/qrgate}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
printf 'gate:\n  id: gate-2\n  site: perf-site\nhttp:\n  address: 127.0.0.1:18090\nstate_directory: %s/state\n' "$work" > "$work/gw.yaml"
token=$("$binary" token create --role supervisor --name benchmark --config "$work/gw.yaml" 2>/dev/null)
python3 "$root/Benchmarks/console/seed.py" "$work/state/qrgate.sqlite" perf-site
"$binary" run --config "$work/gw.yaml" > "$work/log" 2>&1 &
pid=$!
i=0
until python3 -c 'import urllib.request; urllib.request.urlopen("http://127.0.0.1:18090/health", timeout=1)' 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 100 ] || { cat "$work/log"; exit 1; }; sleep 0.2
done
"$("$root/scripts/install-deps" --selenium-python)" "$root/Benchmarks/console/bench.py" --port 18090 --token "$token" --browser
