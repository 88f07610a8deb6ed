#!/usr/bin/env bash
# Booking generation of the family space on a running platform: a school year of bookings
# (Mon/Tue/Thu/Fri, ~140 days) for 2,000 then 20,000 children (1,000 then 10,000 households) made by
# the application, against raw batched JDBC inserts of the same rows in the same run (the ratio is
# printed), and WildFly's heap after a full GC at each size (jcmd). The bench's rows are removed at
# the end. See bench/FamilyGeneration.java.
#
# Usage, on a throwaway data directory:
#   CITE_DATA_DIR=/tmp/cite-bench ./run.sh          # in another terminal, wait for "running"
#   CITE_DATA_DIR=/tmp/cite-bench bench/family-generation.sh [small] [large]
# Environment: CITE_BENCH_PORT (8080), CITE_KEYCLOAK_PORT (8180), CITE_PG_PORT (55432).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${CITE_DATA_DIR:-.cite-data}"
port="${CITE_BENCH_PORT:-8080}"
kc_port="${CITE_KEYCLOAK_PORT:-8180}"
pg_port="${CITE_PG_PORT:-55432}"
small="${1:-1000}"
large="${2:-10000}"
server_pid=$(pgrep -f 'jboss-modules.jar' | head -1)
[ -n "$server_pid" ] || { echo "No WildFly process found: is ./run.sh running?" >&2; exit 1; }
driver=$(find "${HOME}/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
[ -d devstack/target/classes ] || mvn -B -q -o install -DskipTests -pl devstack -am
java -Djdk.httpclient.allowRestrictedHeaders=host -cp "$driver:devstack/target/classes" bench/FamilyGeneration.java "http://127.0.0.1:${port}" "http://localhost:${kc_port}" \
  "$data" "jdbc:postgresql://localhost:${pg_port}/cite" "$server_pid" "$small" "$large"
