#!/usr/bin/env bash
# Rescoring after a rule change (see bench/README.md, "Rescoring after a rule change"): loads LEADS leads with EVENTS
# events each into a fresh PostgreSQL database (load.sql, generate_series), each last scored by the active ruleset;
# adds a rule file to the service's rules folder and POSTs /rules/reload; then times until every lead's latest
# decision is of the new version, while probe.py measures /score and /v1/track latency before and during the pass.
# Usage: bench/rescore/run.sh [LEADS] [EVENTS]   (defaults 100000 and 20). Needs psql, curl, jq, python3, java 17 and
# the PostgreSQL of the test setup (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 user postgres). Creates and leaves
# the database "leadrules_bench_rescore" (dropped at the next run). JAVA_OPTS: more JVM options for the service
# (e.g. -Dleadrules.rescore.workers=1); SKIP_BUILD=1 reuses target/bench-rescore-app.
set -euo pipefail
leads=${1:-100000}
events=${2:-20}
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/target/bench-rescore"
port=18083
base="http://127.0.0.1:$port"
db=leadrules_bench_rescore
key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
write=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

cd "$repo"
rm -rf "$work" && mkdir -p "$work"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -o -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=bench-rescore-app package
fi
app="$repo/target/bench-rescore-app/quarkus-run.jar"
cp -r "$repo/rules" "$work/rules"

psql -q -d postgres -c "drop database if exists $db" -c "create database $db"
# shellcheck disable=SC2086
java -Xmx1g ${JAVA_OPTS:-} -Dquarkus.profile=pg -Dquarkus.http.port=$port -Dleadrules.data.dir="$work/data" \
     -Dleadrules.admin-key=$key -Dleadrules.ingest.write-keys=$write -Dleadrules.rules.watch=false \
     -Dleadrules.rules.dir="$work/rules" -Dleadrules.privacy.suppression-salt=bench-rescore-salt-00001 \
     -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$db" -Dquarkus.datasource.username="$PGUSER" \
     -jar "$app" > "$work/service.log" 2>&1 &
pids=($!)
trap 'echo stop > "$work/phase"; kill ${pids[@]} 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 1; done
curl -sf "$base/q/health/ready" >/dev/null || { echo "service did not start, see $work/service.log"; exit 1; }
version=$(curl -sf -H "Authorization: Bearer $key" "$base/rules/status" | jq -r .version)
echo "service up, ruleset $version; loading $leads leads x $events events"

start=$(date +%s)
psql -q -d $db -v version="$version" -v leads="$leads" -v events="$events" -f "$here/load.sql"
echo "loaded in $(( $(date +%s) - start )) s"

# The first requests of a fresh JVM are slow (JIT): a warm-up phase, not counted, then the "before" figures.
echo warmup > "$work/phase"
python3 "$here/probe.py" --port $port --key "$key" --write-key "$write" --leads "$leads" \
  --phase-file "$work/phase" --out "$work/latency.txt" &
pids+=($!)
sleep 20
echo before > "$work/phase"
sleep "${BEFORE_SECONDS:-30}"

cat > "$work/rules/video.drl" <<'DRL'
package leadrules;

import io.leadrules.model.Activity;

global io.leadrules.scoring.HitRecorder score;

// Watched a product video in the last 30 days: a little intent.
rule "Product video played in 30 days"
    @category("intent") @points(5) @description("Played a product video in the last 30 days.")
when
    $a : Activity( type == "Video Played", daysSinceLast <= 30 )
then
    score.award(drools, "Played a product video");
end
DRL
load_before=$(cut -d' ' -f1 /proc/loadavg)
echo during > "$work/phase"
t0=$(date +%s.%N)
new=$(curl -sf -X POST -H "Authorization: Bearer $key" "$base/rules/reload" | jq -r .version)
[ -n "$new" ] && [ "$new" != "$version" ] && [ "$new" != null ] || { echo "reload gave no new version"; exit 1; }
echo "ruleset $new active; rescoring"
loads=()
while :; do
  left=$(psql -d $db -At -c "select count(*) from lead_profile where ruleset_version is distinct from '$new'")
  now=$(date +%s.%N)
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  printf '  %6.1f s: %d leads left\n' "$(echo "$now - $t0" | bc)" "$left"
  [ "$left" -eq 0 ] && break
  sleep 2
done
t1=$(date +%s.%N)
echo stop > "$work/phase"
wall=$(echo "$t1 - $t0" | bc)
latest=$(psql -d $db -At -c "select count(*) from latest_decision where latest and ruleset_version = '$new'")
decisions=$(psql -d $db -At -c "select count(*) from score_decision where ruleset_version = '$new' and cause_type = 'ruleset'")
printf 'rescored %d leads x %d events in %.1f s: %.0f leads/s (%d ruleset decisions, %d latest rows on %s)\n' \
  "$leads" "$events" "$wall" "$(echo "$leads / $wall" | bc -l)" "$decisions" "$latest" "$new"
echo "load average (1 min): $load_before before the pass; during it $(printf '%s\n' "${loads[@]}" |
  sort -n | awk '{ t[NR] = $1; s += $1 } END { printf "%.2f to %.2f, mean %.2f", t[1], t[NR], s / NR }')"
sleep 1
latency() { # phase kind
  awk -v p="$1" -v k="$2" '$1 == p && $2 == k { print $4 }' "$work/latency.txt" | sort -n | awk -v p="$1" -v k="$2" '
    { t[NR] = $1 }
    END { if (NR) { i = int(NR * 0.99); if (i < 1) i = 1
          printf "%-6s /%-9s n=%-5d p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n", p, k, NR, t[int((NR + 1) / 2)], t[i], t[NR] } }'
}
for phase in before during; do for kind in score track; do latency $phase $kind; done; done
errors=$(awk '$3 != 200 && $3 != 201' "$work/latency.txt" | wc -l)
echo "probe requests not 200: $errors"
grep -E "Rescored|rescor" "$work/service.log" | tail -5 || true
