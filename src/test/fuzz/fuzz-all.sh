#!/usr/bin/env bash
# Usage: src/test/fuzz/fuzz-all.sh [DURATION [CLASS#METHOD...]]
# Fuzzes every @FuzzTest of FuzzTargets and IpcFuzzTargets (or the ones named) for DURATION each
# (default 3m) with `mvn -Pfuzz`, one JVM per target (Jazzer fuzzes one per JVM), and prints each
# target's executions and findings; also written to target/fuzz-report.txt. Exit status 1 when any
# target found something. Run from the project folder.
set -uo pipefail
duration="${1:-3m}"
shift || true
targets="$*"
[ -n "$targets" ] || for source in src/test/java/io/github/wuproxy/fuzz/FuzzTargets.java src/test/java/io/github/wuproxy/ipc/IpcFuzzTargets.java; do
  class=$(basename "$source" .java)
  for method in $(grep -A1 "@FuzzTest" "$source" | grep -o "void [A-Za-z]*" | cut -d' ' -f2); do
    targets="$targets $class#$method"
  done
done
mkdir -p target
report=target/fuzz-report.txt
: > "$report"
found=0
for target in $targets; do
  log="target/fuzz-${target#*#}.log"
  mvn -B -Pfuzz test -Dfuzz.target="$target" -Dfuzz.duration="$duration" > "$log" 2>&1
  status=$?
  done_line=$(grep -a "DONE" "$log" | tail -1)
  executions=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")
  rate=$(grep -o "exec/s: [0-9]*" <<<"$done_line")
  if [ "$status" -eq 0 ]; then verdict="no findings"; else verdict="FINDING or failure: see $log"; found=1; fi
  printf "%-34s %12s executions in %s (%s)  %s\n" "$target" "${executions:-?}" "$duration" "${rate:-?}" "$verdict" | tee -a "$report"
done
exit "$found"
