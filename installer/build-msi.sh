#!/usr/bin/env bash
# Builds target/wuproxy.msi from installer/wuproxy.wxs with wixl, then checks what wixl made:
# the tables and rows the MSI must have, no custom action wixl silently dropped, and a valid PE
# launcher with version information. Run by `mvn -Pinstaller package` from the project folder.
set -euo pipefail
version="${1%-SNAPSHOT}"
for tool in wixl msiinfo msibuild; do
  command -v "$tool" >/dev/null || { echo "installer: $tool is missing (apt-get install wixl msitools)" >&2; exit 1; }
done
wixl -a x64 -D Version="$version" -D Target=target -o target/wuproxy.msi installer/wuproxy.wxs
# wixl has no Feature/Condition: START_TRAY=0 turns the Tray feature off through the Condition table.
condition="$(mktemp -d)"
printf 'Feature_\tLevel\tCondition\ns38\ti2\tS255\nCondition\tFeature_\tLevel\nTray\t0\tSTART_TRAY="0"\n' > "$condition/Condition.idt"
msibuild target/wuproxy.msi -i "$condition/Condition.idt"
rm -r "$condition"

fail() { echo "installer check failed: $*" >&2; exit 1; }
tables="$(msiinfo tables target/wuproxy.msi)"
for table in File Component Registry Shortcut CustomAction InstallExecuteSequence; do
  grep -qx "$table" <<<"$tables" || fail "table $table is missing"
done
files="$(msiinfo export target/wuproxy.msi File)"
for file in wuproxy.exe wuproxy.jar corporate.conf direct.conf mobile.conf agent.conf wuproxy.admx wuproxy.adml; do
  grep -q "$file" <<<"$files" || fail "file $file is missing"
done
actions="$(msiinfo export target/wuproxy.msi CustomAction | tr -d "\r")"
sequence="$(msiinfo export target/wuproxy.msi InstallExecuteSequence | tr -d "\r")"
for action in InstallService UninstallService RestoreOriginalProxy CopyProfiles RemoveData; do
  # type 3090/3154: an exe from an installed file (18), deferred, not impersonated (as SYSTEM)
  grep -qE "^$action	(3090|3154)	wuproxy.exe	" <<<"$actions" || fail "wixl dropped or changed the $action custom action"
  step="$(awk -F'\t' -v a="$action" '$1 == a { print $3 }' <<<"$sequence")"
  [ -n "$step" ] && [ "$step" -gt 1500 ] && [ "$step" -lt 6600 ] || fail "$action is not sequenced inside the install script (at ${step:-nowhere})"
done
grep -qF 'EventLog\Application\wuproxy' <<<"$(msiinfo export target/wuproxy.msi Registry)" || fail "the Event Log source is not registered"
grep -qF 'CurrentVersion\Run' <<<"$(msiinfo export target/wuproxy.msi Registry)" || fail "the tray is not started at logon"
grep -qF 'Tray	0	START_TRAY="0"' <<<"$(msiinfo export target/wuproxy.msi Condition | tr -d "\r")" || fail "START_TRAY=0 does not turn the tray off"
launch="$(msiinfo export target/wuproxy.msi LaunchCondition | tr -d "\r")"
grep -qF 'SKIP_JAVA_CHECK="1" OR %JAVA_HOME' <<<"$launch" || fail "the Java 17 launch condition is missing"
for search in JavaSoftJdk JavaSoftJre Zulu17 Zulu21; do
  grep -q "^$search	18	" <<<"$(msiinfo export target/wuproxy.msi RegLocator | tr -d "\r" | awk -F'\t' '{print $1"\t"$5"\t"}')" \
    || fail "the registry search $search for Java is missing or not 64-bit raw"
done
head -c 2 target/wuproxy.exe | grep -q "MZ" || fail "wuproxy.exe is not a PE file"
grep -qa "FileVersion" target/wuproxy.exe || strings -el target/wuproxy.exe | grep -q "FileVersion" || fail "wuproxy.exe has no version information"
echo "installer: target/wuproxy.msi ($(stat -c %s target/wuproxy.msi) bytes) and target/wuproxy.exe built and checked"
