#!/usr/bin/env bash
# qrgate-central under load (docs/PERFORMANCE.md, "Central service"): a throwaway PostgreSQL
# (scripts/with-postgres), 1,000 simulated gates sending 100-record batches over loopback to one,
# then two release-built qrgate-central processes; then the site-wide "inside" query and the
# tracing query on 10 million records, with their EXPLAIN ANALYZE plans.
#   Benchmarks/central/run.sh [SECONDS] [ROWS]      (SECONDS 0: the queries only)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
rows=${2:-10000000}
if [ -z "${QRGATE_TEST_POSTGRES_URL:-}" ]; then
  QRGATE_BENCHMARKS=1 swift build -c release --product qrgate-central >/dev/null
  QRGATE_BENCHMARKS=1 swift build -c release --product central-load-generator >/dev/null
  exec scripts/with-postgres "$0" "$seconds" "$rows"
fi
bin=.build/release
url=$QRGATE_TEST_POSTGRES_URL
psql=("$QRGATE_TEST_POSTGRES_BINDIR/psql" "$url" -X -q -t -A -v ON_ERROR_STOP=1)
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

config() { # PORT
  cat > "$work/central-$1.yaml" <<YAML
listen:
  address: 127.0.0.1
  port: $1
database:
  url: $url
  pool_size: 8
ingest:
  gate_records_per_second: 100000
  gate_burst_records: 100000
retention:
  personal_days: 0
YAML
  echo "$work/central-$1.yaml"
}
start_central() { # PORT
  "$bin/qrgate-central" run --config "$(config "$1")" 2>"$work/central-$1.log" &
  pids+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.2; done
  cat "$work/central-$1.log" >&2; exit 1
}
port1=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
port2=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/qrgate-central" migrate --config "$(config "$port1")" >/dev/null
"${psql[@]}" -c "INSERT INTO principals (kind, name, site, token_sha256)
  SELECT 'gate', 'load-' || g, 'site-' || (g / 10), encode(sha256(convert_to('load-token-' || g, 'UTF8')), 'hex') FROM generate_series(0, 999) g"

if [ "$seconds" -gt 0 ]; then
echo "== ingest: 1,000 gates, 100 records per batch, ${seconds} s"
start_central "$port1"
"$bin/central-load-generator" "$port1" "${pids[0]}" 1000 100 "$seconds"
start_central "$port2"
"$bin/central-load-generator" "$port1,$port2" "${pids[0]},${pids[1]}" 1000 100 "$seconds"
"${psql[@]}" -c "SELECT 'stored ' || count(*) || ' records; PostgreSQL size per million records: ' ||
  round(sum_size / count(*) * 1e6 / 1048576) || ' MiB (table, TOAST and indexes)'
  FROM check_ins, (SELECT sum(pg_total_relation_size(inhrelid)) AS sum_size FROM pg_inherits WHERE inhparent = 'check_ins'::regclass) s GROUP BY sum_size"

fi
[ "$seconds" -gt 0 ] || start_central "$port1"

echo "== queries on $rows records"
# Bulk rows made in SQL (the ingest path was measured above): 1,000 sites of 10 gates, 200,000
# people, spread over 60 days, with the same jsonb shape as ingested records.
have=$("${psql[@]}" -c "SELECT count(*) FROM check_ins")
"$bin/qrgate-central" migrate --config "$(config "$port1")" >/dev/null
# Monthly partitions named as qrgate-central names them, for the 60 days the rows cover.
"${psql[@]}" -c "DO \$\$ DECLARE m int; s timestamptz; BEGIN FOR m IN 0..3 LOOP
  s := date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - make_interval(months => m);
  EXECUTE format('CREATE TABLE IF NOT EXISTS check_ins_%s PARTITION OF check_ins FOR VALUES FROM (%L) TO (%L)',
    to_char(s AT TIME ZONE 'UTC', 'YYYY_MM'), s, s + interval '1 month');
  END LOOP; END \$\$"
batch=1000000
done_rows=0
while [ "$done_rows" -lt "$rows" ]; do
  "${psql[@]}" -c "INSERT INTO check_ins (id, recorded_at, gate, site, direction, sequence, decision, personal_digest, pairing_key, record)
    SELECT gen_random_uuid(), t, 'g' || (p % 10000), 'site-b' || (p % 10000 / 10), CASE WHEN g % 2 = 0 THEN 'entry' ELSE 'exit' END, g, 'admit', 'd',
      'k' || p, jsonb_build_object('subject', jsonb_build_object('id_number', 'id' || p, 'name', 'Person ' || p), 'flags', '[]'::jsonb,
        'reasons', '[]'::jsonb, 'credential', jsonb_build_object('kind', 'eu_dcc', 'verified', true), 'hash', md5(g::text), 'previous_hash', md5((g-1)::text))
    FROM (SELECT g, (g::bigint * 7919) % 200000 AS p, now() - make_interval(secs => (g % 5184000)) AS t
          FROM generate_series($done_rows, $done_rows + $batch - 1) g) s
    ON CONFLICT DO NOTHING"
  done_rows=$((done_rows + batch))
  echo "  $done_rows rows" >&2
done
"${psql[@]}" -c "VACUUM ANALYZE check_ins"
echo "-- inside site-b42 (window 168 h):"
"${psql[@]}" -c "SET jit = off" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM (
  SELECT DISTINCT ON (pairing_key) * FROM check_ins WHERE site = 'site-b42' AND pairing_key IS NOT NULL AND recorded_at >= now() - interval '168 hours'
  ORDER BY pairing_key, recorded_at DESC, sequence DESC) c WHERE c.direction = 'entry' AND c.decision <> 'refuse'"
echo "-- trace id42 within ±2 h:"
"${psql[@]}" -c "SET jit = off" -c "EXPLAIN (ANALYZE, BUFFERS) WITH visits AS MATERIALIZED (
    SELECT site, recorded_at, pairing_key FROM check_ins WHERE record ? 'subject' AND record->'subject'->>'id_number' = 'id42')
  SELECT count(*) FROM (SELECT DISTINCT ON (c.id) c.* FROM visits v CROSS JOIN LATERAL (
      SELECT * FROM check_ins w WHERE w.site = v.site AND w.recorded_at BETWEEN v.recorded_at - interval '2 hours' AND v.recorded_at + interval '2 hours') c
    WHERE c.pairing_key IS DISTINCT FROM v.pairing_key AND coalesce(c.record->'subject'->>'id_number', '') <> 'id42') c"
echo "-- the same through the API (operator token), wall time:"
token=$("$bin/qrgate-central" operator add bench --config "$(config "$port1")")
for path in "/v1/sites/site-b42/inside" "/v1/trace?id_number=id42&hours=2"; do
  curl -s -o /dev/null -w "$path: %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $token" "http://127.0.0.1:$port1$path"
done
