#!/usr/bin/env bash
# PostgreSQL disturbed under load, on a running ./run.sh (never run against production):
#   1. paused (SIGSTOP on every PostgreSQL process) for 30 s while 20 clients read a page that
#      needs the database, the home page (served from memory) and /health/live: the share of
#      200, 503 and hung answers (none may take longer than 16 s), then the time from SIGCONT to
#      the first 200 of the database page;
#   2. killed (SIGKILL): ./run.sh notices and starts it again; the time from the kill to the
#      first 200 of the database page.
# Usage: ./run.sh in another terminal, then bench/database-outage.sh
# Environment: CITE_BENCH_PORT (8080), CITE_DATA_DIR (.cite-data), CITE_BENCH_TOWN (le-havre).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${CITE_BENCH_PORT:-8080}"
data="${CITE_DATA_DIR:-.cite-data}"
town="${CITE_BENCH_TOWN:-le-havre}"
host="${town}.localhost:${port}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

postgres_pids() {
  local pid
  pid=$(head -1 "${data}/postgres/postmaster.pid")
  echo "$pid $(pgrep -P "$pid" | tr '\n' ' ')"
}

get() { # path -> "status seconds"
  curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' \
    --connect-to "${host}:127.0.0.1:${port}" "http://${host}$1" || echo "000 30"
}

first_200() { # path -> seconds until it answers 200
  local t0 now
  t0=$(date +%s.%N)
  until [ "$(get "$1" | cut -d' ' -f1)" = 200 ]; do sleep 0.1; done
  now=$(date +%s.%N)
  echo "$now - $t0" | bc
}

db_page="/recherche?q=mariage"
for p in / "$db_page"; do get "$p" >/dev/null; done # warm the caches

echo "== PostgreSQL paused 30 s under 20 clients"
end=$(( $(date +%s) + 30 ))
for c in $(seq 1 20); do
  (
    paths=("$db_page" "/" "/health/live" "/api/v1/catalogue/search?q=naissance")
    i=$c
    while [ "$(date +%s)" -lt "$end" ]; do
      p="${paths[$((i % 4))]}"
      echo "$p $(get "$p")"
      i=$((i + 1))
    done
  ) >"${out}/client-${c}.log" &
done
sleep 1
kill -STOP $(postgres_pids)
sleep 29
kill -CONT $(postgres_pids)
wait
back=$(first_200 "$db_page")
cat "${out}"/client-*.log | awk '
  { total++; s[$2]++; if ($3 > 16) hung++; if ($3 > max) max = $3; by[$1" "$2]++ }
  END {
    printf "  %d answers: 200 %d (%.1f %%), 503 %d (%.1f %%), other %d, hung (> 16 s) %d; slowest %.2f s\n",
      total, s[200], 100 * s[200] / total, s[503], 100 * s[503] / total,
      total - s[200] - s[503], hung + 0, max
    for (k in by) printf "    %-45s %d\n", k, by[k]
  }'
echo "  first 200 of ${db_page} ${back} s after SIGCONT"

echo "== PostgreSQL killed (SIGKILL): ./run.sh starts it again"
kill -KILL $(postgres_pids)
echo "  first 200 of ${db_page} $(first_200 "$db_page") s after the kill"
