#!/bin/sh
# Builds the class-data archives agent/wuproxy uses beside target/wuproxy.jar (`mvn package` runs
# this): target/wuproxy.jsa holds the classes the service loads, for `service` and `agent`;
# target/wuproxy-cli.jsa those of status, explain, check and simulate, for the other commands. The JVM maps
# an archive at a random address and relocates it, so every page of it is resident: the service's
# holds nothing only the CLI needs. Both cut the start (the CLI's by about a quarter). The JVM checks
# the jar's path, size and time and ignores a stale archive.
set -eu
cd "$(dirname "$0")/../.."
jar=target/wuproxy.jar
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
run() { WUPROXY_JAVA_OPTS="-Dwuproxy.data=$work/data -XX:DumpLoadedClassList=$work/cli-$1.classes" WUPROXY_CDS=off agent/wuproxy "$@"; }
# exec twice (this subshell, then the launcher), so $! is the java process itself
(WUPROXY_JAVA_OPTS="-Dwuproxy.data=$work/data -XX:DumpLoadedClassList=$work/service.classes" WUPROXY_CDS=off \
  exec agent/wuproxy service) >"$work/service.out" 2>&1 &
pid=$!
i=0
until grep -q "listening for wuproxy" "$work/service.out" 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 600 ] || { cat "$work/service.out" >&2; echo "cds-archive: the service did not start" >&2; exit 1; }
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.out" >&2; echo "cds-archive: the service exited" >&2; exit 1; }
  sleep 0.1
done
run status >/dev/null 2>&1 || true
run explain 0x80072EFD >/dev/null
run check >/dev/null || true
run simulate src/test/resources/timelines/user-proxy-day.jsonl >/dev/null
# the same through picocli (app/Main runs the bare forms above without it), as the other commands go
run status -- >/dev/null 2>&1 || true
run simulate --output=all src/test/resources/timelines/user-proxy-day.jsonl >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true
kill -0 "$pid" 2>/dev/null && { echo "cds-archive: the service did not stop" >&2; exit 1; }
pid=
dump() {
  rm -f "$2"
  java -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile="$1" \
    -XX:SharedArchiveFile="$2" -cp "$jar" >"$work/dump.out" 2>&1 || { cat "$work/dump.out" >&2; exit 1; }
  echo "cds-archive: $2 ($(wc -c <"$2") bytes)"
}
dump "$work/service.classes" target/wuproxy.jsa
cat "$work"/cli-*.classes | awk '!seen[$0]++' >"$work/cli.classlist"
dump "$work/cli.classlist" target/wuproxy-cli.jsa
