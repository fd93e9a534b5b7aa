#!/usr/bin/env bash
# The revocation index against a Swift Set of the same keys, one process per measurement
# (docs/PERFORMANCE.md, "EU DCC revocation"). N defaults to 10 million.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-10000000}"
QRGATE_BENCHMARKS=1 swift build -c release --product revocation-bench >/dev/null
bench=.build/release/revocation-bench
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bench" write "$N" "$work/revocation.keys"
"$bench" lookup "$work/revocation.keys"
"$bench" set "$N"
"$bench" install 1000000 "$work"
