#!/usr/bin/env bash
# Rule-hit report benchmark (see bench/README.md, "Rule-hit report"): loads 1,000,000 decisions (+ hits) into a
# fresh PostgreSQL database with generate_series, starts the service on it (profile "pg") and times
# GET /reports/rule-hits warm, with and without filters.
# Usage: bench/reports/run.sh [DECISIONS] [LEADS]   (defaults 1000000 and 100000). Needs psql, curl, jq, java 17.
# Database: PGHOST/PGPORT/PGUSER as for psql (default 127.0.0.1:5432, user postgres); it creates and drops
# the database "leadrules_bench_reports".
set -euo pipefail
decisions=${1:-1000000}
leads=${2:-100000}
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/target/bench-reports"
port=18082
base="http://127.0.0.1:$port"
db=leadrules_bench_reports
# A production start refuses short or documented keys: a random one per run.
key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

cd "$repo"
rm -rf "$work" && mkdir -p "$work"
# The database kind is fixed at build time: a PostgreSQL build of its own, not the default (H2) one.
./mvnw -q -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=bench-reports-app package
app="$repo/target/bench-reports-app/quarkus-run.jar"

psql -q -d postgres -c "drop database if exists $db" -c "create database $db"
java -Xmx1g -Dquarkus.profile=pg -Dquarkus.http.port=$port -Dleadrules.data.dir="$work/data" -Dleadrules.admin-key=$key \
     -Dleadrules.rules.watch=false -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
     -Dquarkus.datasource.username="$PGUSER" -jar "$app" > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 1; done
version=$(curl -sf -H "Authorization: Bearer $key" "$base/rules/status" | jq -r .version)
echo "service up, ruleset $version; loading $decisions decisions for $leads leads"

start=$(date +%s)
psql -q -d $db -v version="$version" -v decisions="$decisions" -v leads="$leads" -f "$here/load.sql"
echo "loaded in $(( $(date +%s) - start )) s"

time_report() {
  local label=$1 query=$2
  curl -sf -H "Authorization: Bearer $key" -o "$work/report.json" "$base/reports/rule-hits?$query"   # warm-up
  for i in 1 2 3 4 5; do
    curl -sf -H "Authorization: Bearer $key" -o "$work/report.json" -w '%{time_total}\n' "$base/reports/rule-hits?$query"
  done | sort -n | awk -v l="$label" '{ t[NR] = $1 } END { printf "%-34s min %.3f s  median %.3f s  max %.3f s\n", l, t[1], t[3], t[5] }'
}
time_report "all leads" ""
jq '{leads, mqls, rules: (.rules | length), deadRules: (.deadRules | length), pairs: (.pairs | length)}' -c "$work/report.json"
time_report "version filter" "version=$version"
time_report "one month (2026-01-15..02-14)" "from=2026-01-15&to=2026-02-14"
time_report "segment industry:Apparel" "segment=industry:Apparel"
time_report "from 2026-07-01, to after the last" "from=2026-07-01&to=2099-01-01"
curl -sf -H "Authorization: Bearer $key" -o /dev/null -w 'CSV: %{time_total} s\n' -H 'Accept: text/csv' "$base/reports/rule-hits"
