#!/usr/bin/env bash
# The incident map with many reports, on a running platform with the demo (Le Havre's incident
# set-up): reports written into the database (1,000, then up to the target, one million by default),
# and at each size the map's bbox API (city-wide and street zoom) in requests/s against the same SQL
# run by pgbench as the application role (ratio printed, bound 0.5), the nearby duplicates' p50
# (ratio between the two sizes printed, bound 2) and the map page's payload in KB. The reports stay:
# use a throwaway data directory. See bench/IncidentBench.java.
#
# Usage:
#   CITE_DATA_DIR=/tmp/cite-bench ./run.sh          # in another terminal, wait for "running"
#   bench/incident-map.sh [reports]
# Environment: CITE_BENCH_PORT (8080), CITE_PG_PORT (55432), CITE_BASE_DOMAIN (localhost).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${CITE_BENCH_PORT:-8080}"
pg_port="${CITE_PG_PORT:-55432}"
domain="${CITE_BASE_DOMAIN:-localhost}"
reports="${1:-1000000}"
command -v pgbench >/dev/null || { echo "pgbench is needed (Debian: postgresql-client)" >&2; exit 1; }
driver=$(find "${HOME}/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$driver" bench/IncidentBench.java \
  "http://127.0.0.1:${port}" "le-havre.${domain}:${port}" "jdbc:postgresql://localhost:${pg_port}/cite" le-havre "$reports"
