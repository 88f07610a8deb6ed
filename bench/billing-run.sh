#!/usr/bin/env bash
# A billing run of 10,000 households (20,000 children, a month of canteen bookings) on a running
# platform, as the demo finance officer through the API: invoice lines written per second by the
# run against raw batched JDBC inserts of the same rows in the same run (ratio printed), PDFs issued
# per second, WildFly's heap after a full GC (jcmd) before, after drafting and after issuing; then
# the Stripe webhook endpoint's events per second (signature checked, inbox written) against a
# static file of the same server, same client and concurrency. Issued invoices are never deleted:
# use a throwaway data directory. See bench/BillingBench.java.
#
# Usage:
#   CITE_DATA_DIR=/tmp/cite-bench ./run.sh          # in another terminal, wait for "running"
#   CITE_DATA_DIR=/tmp/cite-bench bench/billing-run.sh [households] [events]
# Environment: CITE_BENCH_PORT (8080), CITE_KEYCLOAK_PORT (8180), CITE_PG_PORT (55432).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${CITE_DATA_DIR:-.cite-data}"
port="${CITE_BENCH_PORT:-8080}"
kc_port="${CITE_KEYCLOAK_PORT:-8180}"
pg_port="${CITE_PG_PORT:-55432}"
households="${1:-10000}"
events="${2:-4000}"
server_pid=$(pgrep -f 'jboss-modules.jar' | head -1)
[ -n "$server_pid" ] || { echo "No WildFly process found: is ./run.sh running?" >&2; exit 1; }
driver=$(find "${HOME}/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
[ -d devstack/target/classes ] || mvn -B -q -o install -DskipTests -pl devstack -am
java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$driver:devstack/target/classes" bench/BillingBench.java \
  "http://127.0.0.1:${port}" "http://localhost:${kc_port}" "$data" "jdbc:postgresql://localhost:${pg_port}/cite" \
  "$server_pid" "$households" "$events"
