#!/usr/bin/env bash
# Writes a 1,000-rule ruleset into $1: the default rules/ (39 rules and their 12 scenarios) plus generated.drl
# with 961 rules that match generated segments and event types, so the scenarios keep passing.
# $2 (optional) is a revision written as a comment: a new revision is a new version with the same rules.
set -euo pipefail
out=${1:?usage: generate-rules.sh OUT_DIR [REVISION]}
revision=${2:-0}
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mkdir -p "$out"
cp -r "$repo/rules/." "$out/"
awk -v n=961 -v revision="$revision" 'BEGIN {
  print "// Generated for the reload benchmark, revision " revision
  print "package leadrules;"
  print ""
  print "import io.leadrules.model.Lead;"
  print "import io.leadrules.model.Activity;"
  print ""
  print "global io.leadrules.scoring.HitRecorder score;"
  for (i = 1; i <= n; i++) {
    print ""
    if (i % 2 == 0) {
      printf "rule \"Generated fit %04d\"\n    @category(\"fit\") @points(%d) @description(\"Segment seg-%d\")\n", i, i % 7 + 1, i
      print "when"
      printf "    Lead( attribute(\"segment\") == \"seg-%d\" )\n", i
    } else {
      printf "rule \"Generated intent %04d\"\n    @category(\"intent\") @points(%d) @description(\"Event Gen %d\")\n", i, i % 5 + 1, i
      print "when"
      printf "    Activity( type == \"Gen Event %d\", last30Days >= %d )\n", i, i % 3 + 1
    }
    print "then"
    printf "    score.award(drools, \"Generated rule %d\");\n", i
    print "end"
  }
}' > "$out/generated.drl"
