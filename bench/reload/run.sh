#!/usr/bin/env bash
# Rules reload benchmark (see bench/README.md, "Rules reload"):
#  1. time to validate (POST /rules/validate) and to validate + swap (POST /rules/reload) a 1,000-rule ruleset;
#  2. error rate and latency of POST /score while 50 reloads of that ruleset happen under load.
# Usage: bench/reload/run.sh [CLIENTS] [RELOADS]   (defaults 4 and 50). Needs curl, jq, awk, java 17.
set -euo pipefail
clients=${1:-4}
reloads=${2:-50}
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$repo/target/bench-reload"
port=18081
# A production start refuses short or documented keys: a random one per run.
key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
base="http://127.0.0.1:$port"

cd "$repo"
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -DskipTests package
fi
rm -rf "$work" && mkdir -p "$work/results"
"$here/generate-rules.sh" "$work/rules" 0

java -Xmx1g -Dquarkus.http.port=$port -Dleadrules.rules.dir="$work/rules" -Dleadrules.data.dir="$work/data" \
     -Dleadrules.rules.watch=false -Dleadrules.admin-key=$key -Dleadrules.rules.release-grace=5s \
     -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" >/dev/null && break; sleep 1; done
rules=$(curl -sf -H "Authorization: Bearer $key" "$base/rules" | jq length)
echo "service up with $rules rules"

admin() { curl -s -o "$work/last.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $key" "$@"; }

echo "== validate (compile + 12 scenarios, no swap), 5 runs =="
for i in 1 2 3 4 5; do admin -H 'Content-Type: application/json' -d '{}' "$base/rules/validate"; done | tee "$work/results/validate.txt"
echo "== reload (compile + scenarios + swap) of a new revision, 5 runs, idle service =="
for i in 1 2 3 4 5; do
  "$here/generate-rules.sh" "$work/rules" "idle-$i"
  admin -X POST "$base/rules/reload"
done | tee "$work/results/reload-idle.txt"

echo "== $reloads reloads while $clients clients score =="
body='{"lead":{"id":"bench-1","email":"jane@northwind-apparel.com","jobTitle":"Director of E-commerce","industry":"Apparel","gmv":20000000,"employees":200,"country":"US","attributes":{"segment":"seg-42"}},"events":[{"type":"Pricing Page Viewed","timestamp":"2026-10-30T10:00:00Z"},{"type":"Gen Event 7","timestamp":"2026-10-30T10:00:00Z"},{"type":"Gen Event 7","timestamp":"2026-10-31T10:00:00Z"}],"asOf":"2026-11-01T00:00:00Z"}'
touch "$work/scoring"
for c in $(seq 1 "$clients"); do
  (
    while [ -f "$work/scoring" ]; do
      curl -s -o "$work/score-$c.json" -w '%{http_code} %{time_total} ' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$body" "$base/score"
      jq -r '.ruleset.version // "none"' "$work/score-$c.json" 2>/dev/null || echo none
    done > "$work/results/scores-$c.txt"
  ) &
done
sleep 2
start=$(date +%s.%N)
for i in $(seq 1 "$reloads"); do
  "$here/generate-rules.sh" "$work/rules" "load-$i"
  admin -X POST "$base/rules/reload"
done > "$work/results/reload-load.txt"
end=$(date +%s.%N)
sleep 1
rm -f "$work/scoring"
wait $(jobs -p | grep -v "^$service$") 2>/dev/null || true

cat "$work"/results/scores-*.txt > "$work/results/scores.txt"
awk -v s="$start" -v e="$end" '
  { n++; if ($1 != 200) err++; print $2 * 1000 > "/dev/stderr"; v[$3] = 1 }
  END { versions = 0; for (k in v) versions++;
        printf "scoring requests: %d, errors: %d (%.3f%%), distinct ruleset versions answered: %d, reload phase: %.1f s\n",
               n, err, (n ? 100 * err / n : 0), versions, e - s }' "$work/results/scores.txt" 2> "$work/results/latency-ms.txt"
sort -n "$work/results/latency-ms.txt" | awk '{ a[NR] = $1 } END {
  printf "scoring latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f\n", a[int(NR*0.5)], a[int(NR*0.95)], a[int(NR*0.99)], a[NR] }'
awk '{ n++; if ($1 != 200) bad++; t += $2; if ($2 > max) max = $2 }
  END { printf "reloads: %d, failed: %d, mean %.2f s, max %.2f s (compile + 12 scenarios + swap, under load)\n", n, bad, t / n, max }' \
  "$work/results/reload-load.txt"
awk '{ t += $2; if ($2 > max) max = $2 } END { printf "idle reload: mean %.2f s, max %.2f s\n", t / NR, max }' "$work/results/reload-idle.txt"
awk '{ t += $2; if ($2 > max) max = $2 } END { printf "validate: mean %.2f s, max %.2f s\n", t / NR, max }' "$work/results/validate.txt"
