#!/usr/bin/env bash
# MQL webhook outbox benchmark (see bench/README.md, "MQL webhook outbox"): N outbox rows made due at once on a
# PostgreSQL database, sent by R service replicas (each its own process, all on that database) to a local receiver;
# prints deliveries per second and how many were delivered more than once (must be 0).
# Usage: bench/outbox/run.sh [ROWS] [REPLICAS] [RECEIVER_DELAY_MS] [PARALLELISM] [BATCH_SIZE]
#        (defaults 20000, 1, 0, 8, 100). Needs psql, curl, java 17.
# Database: PGHOST/PGPORT/PGUSER as for psql (default 127.0.0.1:5432, user postgres); it creates and drops
# the database "leadrules_bench_outbox".
set -euo pipefail
rows=${1:-20000}
replicas=${2:-1}
delay=${3:-0}
parallelism=${4:-8}
batch=${5:-100}
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/target/bench-outbox"
receiver_port=18190
db=leadrules_bench_outbox
key=bench-outbox-admin-key
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

cd "$repo"
mkdir -p "$work"
# The database kind is fixed at build time: a PostgreSQL build of its own (reused if present).
app="$repo/target/bench-outbox-app/quarkus-run.jar"
if [ ! -f "$app" ]; then
  ./mvnw -q -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=bench-outbox-app package
fi

psql -q -d postgres -c "drop database if exists $db" -c "create database $db"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

java "$here/Receiver.java" $receiver_port "$rows" "$delay" > "$work/receiver.log" 2>&1 &
receiver=$!
pids+=($receiver)

for r in $(seq 1 "$replicas"); do
  port=$((18190 + r))
  java -Xmx512m -Dquarkus.profile=pg -Dquarkus.http.port=$port -Dleadrules.data.dir="$work/data-$r" \
       -Dleadrules.rules.watch=false -Dleadrules.admin-key=$key \
       -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" -Dquarkus.datasource.username="$PGUSER" \
       -Dleadrules.mql.webhook.url=http://127.0.0.1:$receiver_port/mql -Dleadrules.mql.webhook.poll-every=1s \
       -Dleadrules.mql.webhook.parallelism="$parallelism" -Dleadrules.mql.webhook.batch-size="$batch" \
       -jar "$app" > "$work/service-$r.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
done
echo "$replicas replica(s) up; queueing $rows deliveries (receiver delay ${delay} ms, parallelism $parallelism, batch $batch)"

# As MqlHandoff writes them: one row per transition, all due now.
psql -q -d $db -c "insert into webhook_outbox (lead_id, transition_id, payload, attempts, next_attempt_at)
  select 'lead-' || g, g, '{\"transitionId\":' || g || ',\"leadId\":\"lead-' || g || '\",\"direction\":\"entered\",'
    || '\"at\":\"2026-11-23T12:48:45.625531Z\",\"score\":84.96,\"threshold\":70,\"rulesetVersion\":\"2b79d0b3ccbb\"}',
    0, now() from generate_series(1, $rows) g"

status=0
wait $receiver || status=$?
cat "$work/receiver.log"
psql -q -d $db -At -c "select 'outbox: ' || count(*) filter (where delivered_at is not null) || ' delivered, '
  || count(*) filter (where attempts > 1) || ' with more than one attempt, max attempts ' || max(attempts)
  || ', claims by ' || count(distinct split_part(claimed_by, '#', 1)) || ' sender(s)' from webhook_outbox"
exit $status
