#!/bin/sh
# Builds target/wuproxy.jsa, the class-data archive agent/wuproxy uses beside target/wuproxy.jar
# (`mvn package` runs it): records the classes the service, explain, check, status and simulate load, then
# dumps them with the JDK's into one archive. Cuts the service's idle RSS by about 4 MB and the
# CLI's start by about a third. The JVM checks the jar's path, size and time and ignores a stale one.
set -eu
cd "$(dirname "$0")/../.."
jar=target/wuproxy.jar
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=
run() { WUPROXY_JAVA_OPTS="-Dwuproxy.data=$work/data -XX:DumpLoadedClassList=$work/$1.classes" WUPROXY_CDS=off agent/wuproxy "$@"; }
# exec twice (this subshell, then the launcher), so $! is the java process itself
(WUPROXY_JAVA_OPTS="-Dwuproxy.data=$work/data -XX:DumpLoadedClassList=$work/service.classes" WUPROXY_CDS=off \
  exec agent/wuproxy service) >"$work/service.out" 2>&1 &
pid=$!
i=0
until grep -q "listening for wuproxy" "$work/service.out"; do
  i=$((i + 1)); [ "$i" -lt 600 ] || { cat "$work/service.out" >&2; echo "cds-archive: the service did not start" >&2; exit 1; }
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.out" >&2; echo "cds-archive: the service exited" >&2; exit 1; }
  sleep 0.1
done
run status >/dev/null 2>&1 || true
run explain 0x80072EFD >/dev/null
run check >/dev/null || true
run simulate src/test/resources/timelines/user-proxy-day.jsonl >/dev/null
kill "$pid"; wait "$pid" 2>/dev/null || true
kill -0 "$pid" 2>/dev/null && { echo "cds-archive: the service did not stop" >&2; exit 1; }
pid=
cat "$work"/*.classes | awk '!seen[$0]++' >"$work/all.classlist"
rm -f target/wuproxy.jsa
java -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedClassListFile="$work/all.classlist" \
  -XX:SharedArchiveFile=target/wuproxy.jsa -cp "$jar" >"$work/dump.out" 2>&1 || { cat "$work/dump.out" >&2; exit 1; }
echo "cds-archive: target/wuproxy.jsa ($(wc -c <target/wuproxy.jsa) bytes)"
