#!/usr/bin/env bash
# Streamed-export benchmark: qrgate's CSV export against the sqlite3 command-line shell
# exporting the same table, in the same run, on the same database file.
#
#   bash Benchmarks/export/run.sh [ROWS] [WORKDIR]
#
# Needs: a release build (done here), Debian's sqlite3 and GNU time (/usr/bin/time).
set -euo pipefail
rows=${1:-1000000}
work=${2:-$(mktemp -d)}
cd "$(dirname "$0")/../.."
QRGATE_BENCHMARKS=1 swift build -c release --product qrgate-export-benchmark >&2
bin=.build/release/qrgate-export-benchmark
db="$work/export-bench.sqlite"

"$bin" populate "$db" "$rows"

columns="id, sequence, strftime('%Y-%m-%dT%H:%M:%fZ', recorded_at_ms / 1000.0, 'unixepoch') AS recorded_at,
  CASE clock_synced WHEN 1 THEN 'true' ELSE 'false' END AS clock_synced, site, gate, direction, decision, reasons,
  subject_id_number AS id_number, subject_name AS name, subject_birth_date AS birth_date, credential_kind,
  CASE credential_verified WHEN 1 THEN 'true' ELSE 'false' END AS credential_verified, credential_issuer,
  credential_doses, credential_event_date, credential_valid_until, paired_entry_id, flags,
  strftime('%Y-%m-%dT%H:%M:%fZ', purged_at_ms / 1000.0, 'unixepoch') AS purged_at"

for round in 1 2 3; do
  echo "--- round $round"
  "$bin" export "$db" csv "$work/qrgate.csv"
  /usr/bin/time -f "sqlite3-csv-same-columns seconds=%e peak_rss_kib=%M" \
    sqlite3 -csv -header "$db" "SELECT $columns FROM check_ins ORDER BY sequence" > "$work/sqlite3.csv"
  /usr/bin/time -f "sqlite3-csv-raw-table seconds=%e peak_rss_kib=%M" \
    sqlite3 -csv -header "$db" "SELECT * FROM check_ins ORDER BY sequence" > "$work/sqlite3-raw.csv"
done
ls -l "$work"/*.csv
echo "rows in qrgate.csv: $(($(wc -l < "$work/qrgate.csv") - 1)), in sqlite3.csv: $(($(wc -l < "$work/sqlite3.csv") - 1))"
