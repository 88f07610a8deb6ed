#!/usr/bin/env bash
# Runs the whole Cité platform locally: builds what is needed, starts PostgreSQL (embedded, unless
# CITE_DB_URL is set), the provisioned WildFly with the application, onboards the demo towns, and
# prints their addresses. Ctrl-C stops everything. Data are kept in .cite-data/ (or CITE_DATA_DIR).
set -euo pipefail
cd "$(dirname "$0")"
if [ "${CITE_SKIP_BUILD:-false}" != "true" ]; then
  echo "[cite] Building (mvn package, tests skipped)…"
  mvn -B -q -DskipTests package
fi
exec java -Dcite.root="$PWD" \
  -cp "devstack/target/cite-devstack-0.1.0-SNAPSHOT.jar:devstack/target/lib/*" \
  fr.cite.devstack.RunPlatform
