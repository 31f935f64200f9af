#!/usr/bin/env bash
# Installs the MSI with Wine's msiexec in a private prefix and checks what it leaves: the files, the
# Run key, the Event Log source, the PATH entry, and how its actions ran Java (a stand-in java.exe,
# found through the JavaSoft registry keys, records each command line). Then a major upgrade to the
# next version (the service and the backup kept: no uninstall, no restore), and an uninstall (service removed,
# original settings restored, files, Run key and PATH entry gone). First of all, the console launcher
# without any Java: a clear error and exit 1.
# Usage: check-msi-wine.sh MSI NEXT-MSI (run by build-msi.sh; every Wine step is bounded in time).
set -euo pipefail
msi="$(realpath "$1")"
next="$(realpath "$2")"
work="$(realpath -m target/installer-wine)"
fail() { echo "installer check under Wine failed: $*" >&2; exit 1; }
rm -rf "$work/prefix" "$work/nojava" "$work/fakejava"
mkdir -p "$work"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
unset DISPLAY JAVA_HOME http_proxy https_proxy HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY
w() { timeout 180 wine "$@"; }
windows() { printf 'Z:%s' "${1//\//\\}"; }
program="$WINEPREFIX/drive_c/Program Files/wuproxy"
w wineboot --init >/dev/null 2>&1 || fail "wineboot could not set up the prefix"

# The console launcher with no Java anywhere: says what to install, exits 1, opens no dialog (no display).
mkdir -p "$work/nojava"
cp target/wuproxy.exe "$work/nojava/"
set +e
output="$(w "$work/nojava/wuproxy.exe" status 2>&1)"
code=$?
set -e
[ "$code" = 1 ] || fail "the console launcher without Java exited $code (want 1): $output"
grep -q "no Java 17 or later was found" <<<"$output" && grep -q "Install a 64-bit Java 17 runtime" <<<"$output" \
  || fail "the console launcher without Java did not say what to install: $output"
echo "installer: under Wine without Java the console launcher says: $output"

# A stand-in Java 17, registered as Oracle's and Temurin's installers do (HKLM\SOFTWARE\JavaSoft\JDK).
mkdir -p "$work/fakejava/bin"
x86_64-w64-mingw32-gcc -O2 -Wall -o "$work/fakejava/bin/java.exe" installer/test/fake-java.c
printf 'JAVA_VERSION="17.0.99"\n' > "$work/fakejava/release"
calls="$work/fakejava/calls.txt"
: > "$calls"
w reg add 'HKLM\SOFTWARE\JavaSoft\JDK' /v CurrentVersion /d 17 /f >/dev/null
w reg add 'HKLM\SOFTWARE\JavaSoft\JDK\17' /v JavaHome /d "$(windows "$work/fakejava")" /f >/dev/null

# KEY VALUE: the value as reg prints it. Wine now and then cannot start reg either (no output at all): the
# read is asked once more, once the wineserver is idle; the installer is not run again, so a value it did
# not write still fails.
query() {
  local out
  out="$(w reg query "$1" /v "$2" 2>"$work/reg.err" | tr -d '\r' || true)"
  if [ -z "$out" ]; then
    if command -v wineserver >/dev/null; then timeout 60 wineserver -w || true; else sleep 2; fi
    out="$(w reg query "$1" /v "$2" 2>"$work/reg.err" | tr -d '\r' || true)"
  fi
  printf '%s\n' "$out"
}
path_value() { query 'HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment' PATH; }
msiexec() { # ARGS...: msiexec with a log; the log is shown when it fails
  local log="$work/msiexec.log" tries=0
  while :; do
    rm -f "$log"
    tries=$((tries + 1))
    w msiexec "$@" /qn /l*v "$(windows "$log")" && return 0
    # Wine now and then cannot start msiexec at all ("ShellExecuteEx failed"): no log was written. That
    # is tried once more, once the wineserver is idle; a failure of the installer itself is not retried.
    if [ ! -f "$log" ] && [ "$tries" = 1 ]; then
      echo "installer: Wine could not start msiexec $*; trying once more" >&2
      if command -v wineserver >/dev/null; then timeout 60 wineserver -w || true; else sleep 2; fi
      continue
    fi
    [ -f "$log" ] && iconv -f UTF-16LE -t UTF-8 "$log" 2>/dev/null | grep -iE "error|return value 3|CustomAction" | tail -20 >&2
    fail "msiexec $* failed"
  done
}

msiexec /i "$(windows "$msi")"
for file in wuproxy.exe wuproxyw.exe wuproxy.jar profiles/corporate.conf profiles/mobile.conf agent/agent.conf agent/logback.xml; do
  [ -f "$program/$file" ] || fail "the MSI did not install $file"
done
grep -qF '"C:\Program Files\wuproxy\wuproxyw.exe" tray' <<<"$(query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Run' 'wuproxy tray')" \
  || fail "the Run key does not start the windowless launcher's tray"
grep -q 'EventMessageFile' <<<"$(query 'HKLM\SYSTEM\CurrentControlSet\Services\EventLog\Application\wuproxy' EventMessageFile)" \
  || fail "the Event Log source wuproxy is not registered ($(tr -d '\r' <"$work/reg.err" | tail -2))"
grep -qiF 'C:\Program Files\wuproxy\' <<<"$(path_value)" || fail "the install folder is not on the system PATH: $(path_value)"
install="$(grep -F ' service install' "$calls" || true)"
[ "$(wc -l <<<"$install")" = 1 ] && [ -n "$install" ] || fail "InstallService did not run Java once with service install: $(cat "$calls")"
for part in '"-Dwuproxy.home=C:\Program Files\wuproxy"' '-Xmx64m -Xss256k -XX:+UseSerialGC' '-jar "C:\Program Files\wuproxy\wuproxy.jar" service install'; do
  grep -qF -- "$part" <<<"$install" || fail "the service install command line lacks $part: $install"
done
grep -qiF "$(windows "$work/fakejava")\\bin\\java.exe" <<<"$install" || fail "the launcher did not run the registered Java: $install"
echo "installer: under Wine the MSI installed the files, the Run key, the Event Log source and the PATH entry, and ran: $install"

# A major upgrade: Windows Installer removes the old version with UPGRADINGPRODUCTCODE set to the new
# one's product code, and the old version's actions must then leave the service and the backup alone.
# Wine's RemoveExistingProducts does not set that property, so the removal is run here as Windows runs it.
: > "$calls"
new_product="$(msiinfo export "$next" Property | tr -d '\r' | awk -F'\t' '$1 == "ProductCode" { print $2 }')"
msiexec /x "$(windows "$msi")" "UPGRADINGPRODUCTCODE=$new_product"
if grep -qE ' service uninstall| restore| remove-data' "$calls"; then
  fail "removing the old version in a major upgrade removed the service or restored the original settings: $(cat "$calls")"
fi
msiexec /i "$(windows "$next")"
grep -q ' service install' "$calls" || fail "the upgrade did not bring the service up to date: $(cat "$calls")"
echo "installer: under Wine the old version's removal in a major upgrade kept the service and the backup; the new version ran: $(grep -o '\.jar" .*' "$calls" | tr '\n' ' ')"

: > "$calls"
msiexec /x "$(windows "$next")"
grep -q ' service uninstall' "$calls" && grep -q '\.jar" restore' "$calls" || fail "uninstall did not remove the service and restore: $(cat "$calls")"
[ ! -e "$program/wuproxy.jar" ] || fail "uninstall left wuproxy.jar"
! grep -q 'wuproxyw' <<<"$(query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Run' 'wuproxy tray')" || fail "uninstall left the Run key"
! grep -qiF 'C:\Program Files\wuproxy\' <<<"$(path_value)" || fail "uninstall left the install folder on the PATH: $(path_value)"
echo "installer: under Wine the uninstall removed the service, restored the settings and took the files, Run key and PATH entry away"
