#!/usr/bin/env bash
# Two replicas, one PostgreSQL, one webhook receiver: ingestion through both, a ruleset change on one. Prints
# deliveries per transition, seconds until both serve the new version, and wrong transitions (left without a true
# cause). Usage: bench/replicas/run.sh [LEADS]   (default 60). Needs psql, curl, jq, python3, java 17, and a local
# PostgreSQL (trust auth on 127.0.0.1:5432, as .ci/run starts it).
set -euo pipefail
leads=${1:-60}
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/target/bench-replicas"
db=leadrules_bench_replicas
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
portA=18301 portB=18302 hook=18390
key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
write=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')

cd "$repo"
rm -rf "$work" && mkdir -p "$work"
./mvnw -q -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=bench-replicas-app package
app="$repo/target/bench-replicas-app/quarkus-run.jar"
psql -q -d postgres -c "drop database if exists $db" -c "create database $db"

python3 "$here/receiver.py" --port $hook --delay 0.25 > "$work/receiver.log" 2>&1 &
pids=($!)
trap 'kill ${pids[@]} 2>/dev/null || true' EXIT

start() { # name port watch
  mkdir -p "$work/$1" && cp -r "$repo/rules" "$work/$1/rules"
  (cd "$work/$1" && exec java -Xmx768m -Dquarkus.profile=pg -Dquarkus.http.port=$2 \
     -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" -Dquarkus.datasource.username="$PGUSER" \
     -Dleadrules.admin-key=$key -Dleadrules.ingest.write-keys=$write -Dleadrules.rules.watch=$3 \
     -Dleadrules.privacy.suppression-salt=bench-replicas-salt-0001 \
     -Dleadrules.mql.webhook.url=http://127.0.0.1:$hook/ -Dleadrules.mql.webhook.poll-every=1s \
     -Dleadrules.mql.recheck-every=5s -jar "$app" > service.log 2>&1) &
  pids+=($!)
}
ready() { for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return 0; sleep 1; done; return 1; }
start a $portA true; ready $portA
start b $portB false; ready $portB
echo "replicas up: a=$portA (watches its rules folder), b=$portB"

# Ingestion through both, alternating per event: each lead is an ideal buyer who views pricing.
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
for i in $(seq 1 "$leads"); do
  port=$([ $((i % 2)) -eq 0 ] && echo $portA || echo $portB)
  other=$([ $port = $portA ] && echo $portB || echo $portA)
  curl -sf -u "$write:" -H 'Content-Type: application/json' "http://127.0.0.1:$port/v1/identify" -d \
    "{\"userId\":\"r-$i\",\"messageId\":\"r-$i-id\",\"timestamp\":\"$now\",\"traits\":{\"email\":\"ana$i@brandco.com\",\"title\":\"Director of E-commerce\",\"industry\":\"Apparel\",\"employees\":200,\"annualRevenue\":10000000,\"country\":\"US\"}}" >/dev/null
  curl -sf -u "$write:" -H 'Content-Type: application/json' "http://127.0.0.1:$other/v1/page" -d \
    "{\"userId\":\"r-$i\",\"messageId\":\"r-$i-pg\",\"timestamp\":\"$now\",\"name\":\"Pricing\",\"properties\":{\"path\":\"/pricing\"}}" >/dev/null
done
echo "ingested $leads leads through both replicas"

# A ruleset change on a: a new rule file in its folder (the watcher picks it up; the shipped scenarios still pass).
before=$(curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$portB/rules/status" | jq -r .version)
cat > "$work/a/rules/webinar.drl" <<'DRL'
package leadrules;

import io.leadrules.model.Activity;

global io.leadrules.scoring.HitRecorder score;

// A rule only this check adds (its name is new to the shipped rules).
rule "Bench: second webinar rule"
    @category("intent") @points(5) @description("An event only this check knows.")
when
    $a : Activity( type == "Replica Check Event" )
then
    score.award(drools, "Sent the replica check event");
end
DRL
changed=$(date +%s.%N)
for _ in $(seq 1 120); do
  va=$(curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$portA/rules/status" | jq -r .version)
  vb=$(curl -sf -H "Authorization: Bearer $key" "http://127.0.0.1:$portB/rules/status" | jq -r .version)
  [ "$va" != "$before" ] && [ "$va" = "$vb" ] && break
  sleep 0.2
done
both=$(date +%s.%N)
echo "new version $va served by both after $(echo "$both - $changed" | bc) s (includes the watcher's debounce)"

sleep 20   # re-checks, rescoring after the change, outbox drains
counts=$(curl -sf "http://127.0.0.1:$hook/counts")
transitions=$(psql -d $db -At -c "select count(*) from mql_transition")
deliveries=$(echo "$counts" | jq '[.[].deliveries] | add // 0')
duplicates=$(echo "$counts" | jq '[.[] | select(.deliveries > 1)] | length')
left=$(psql -d $db -At -c "select count(*) from mql_transition where direction = 'left'")
echo "transitions: $transitions, deliveries: $deliveries ($duplicates delivered more than once)"
echo "wrong transitions (left, when every lead stays an MQL): $left"
