#!/usr/bin/env bash
# Builds target/wuproxy.msi from installer/wuproxy.wxs with wixl, adds with msibuild what wixl cannot
# say, then checks what it made: the tables and rows the MSI must have, no custom action wixl silently
# dropped or changed, the upgrade conditions, the rollback actions and the PATH row. Then, where Wine
# is installed (under CI=true it must be), check-msi-wine.sh installs it. Run by `mvn -Pinstaller
# package` from the project folder, after build-launchers.sh.
set -euo pipefail
version="${1%-SNAPSHOT}"
for tool in wixl msiinfo msibuild; do
  command -v "$tool" >/dev/null || { echo "installer: $tool is missing (apt-get install wixl msitools)" >&2; exit 1; }
done
# build OUT VERSION: the MSI, with what wixl cannot say added with msibuild.
build() {
  local out="$1" version="$2" rows
  wixl -a x64 -D Version="$version" -D Target=target -o "$out" installer/wuproxy.wxs
  rows="$(mktemp -d)"
  # wixl has no Feature/Condition: START_TRAY=0 turns the Tray feature off through the Condition table.
  printf 'Feature_\tLevel\tCondition\ns38\ti2\tS255\nCondition\tFeature_\tLevel\nTray\t0\tSTART_TRAY="0"\n' > "$rows/Condition.idt"
  # wixl has no Environment: the install folder at the end of the system PATH ("=-*": set on install,
  # removed on uninstall, system-wide), with the actions that write and remove it.
  printf 'Environment\tName\tValue\tComponent_\ns72\tl255\tL255\ts72\nEnvironment\tEnvironment\nPathEntry\t=-*PATH\t[~];[INSTALLDIR]\tProgram\n' \
    > "$rows/Environment.idt"
  # wixl writes Execute="rollback" as an immediate action: 3410 is an exe from an installed file (18),
  # return ignored (64), rollback (256), in the script (1024), not impersonated (2048).
  msibuild "$out" -i "$rows/Condition.idt" -i "$rows/Environment.idt" \
    -q "INSERT INTO InstallExecuteSequence (Action, Sequence) VALUES ('RemoveEnvironmentStrings', 3300)" \
    -q "INSERT INTO InstallExecuteSequence (Action, Sequence) VALUES ('WriteEnvironmentStrings', 5200)" \
    -q "UPDATE CustomAction SET Type = 3410 WHERE Action = 'RollbackInstallService'" \
    -q "UPDATE CustomAction SET Type = 3410 WHERE Action = 'RollbackUninstallService'"
  rm -r "$rows"
}
build target/wuproxy.msi "$version"
# The same build as the next version, for the major-upgrade checks (under Wine here, on Windows in CI).
IFS=. read -r major minor patch <<<"$version"
mkdir -p target/upgrade-test
build target/upgrade-test/wuproxy.msi "$major.$minor.$((${patch:-0} + 1))"

fail() { echo "installer check failed: $*" >&2; exit 1; }
tables="$(msiinfo tables target/wuproxy.msi)"
for table in File Component Registry Shortcut CustomAction InstallExecuteSequence Environment ServiceControl; do
  grep -qx "$table" <<<"$tables" || fail "table $table is missing"
done
files="$(msiinfo export target/wuproxy.msi File)"
for file in wuproxy.exe wuproxyw.exe wuproxy.jar corporate.conf direct.conf mobile.conf agent.conf wuproxy.admx wuproxy.adml; do
  grep -q "$file" <<<"$files" || fail "file $file is missing"
done
actions="$(msiinfo export target/wuproxy.msi CustomAction | tr -d "\r")"
sequence="$(msiinfo export target/wuproxy.msi InstallExecuteSequence | tr -d "\r")"
step() { awk -F'\t' -v a="$1" '$1 == a { print $3 }' <<<"$sequence"; }
condition() { awk -F'\t' -v a="$1" '$1 == a { print $2 }' <<<"$sequence"; }
for action in InstallService UninstallService RestoreOriginalProxy CopyProfiles RemoveData RollbackInstallService RollbackUninstallService; do
  # 3090/3154: an exe from an installed file (18), deferred, not impersonated (as SYSTEM); 3410: the same as a rollback action
  grep -qE "^$action	(3090|3154|3410)	wuproxy.exe	" <<<"$actions" || fail "wixl dropped or changed the $action custom action"
  at="$(step "$action")"
  [ -n "$at" ] && [ "$at" -gt 1500 ] && [ "$at" -lt 6600 ] || fail "$action is not sequenced inside the install script (at ${at:-nowhere})"
done
for pair in RollbackInstallService:InstallService:3410 RollbackUninstallService:UninstallService:3410; do
  IFS=: read -r rollback action type <<<"$pair"
  grep -qE "^$rollback	$type	" <<<"$actions" || fail "$rollback is not a rollback action"
  [ "$(step "$rollback")" -lt "$(step "$action")" ] || fail "$rollback does not come before $action"
  [ "$(condition "$rollback")" = "$(condition "$action")" ] || fail "$rollback and $action differ in their conditions"
done
# A major upgrade removes the old version: it must keep the service and the backup of the original settings.
for action in UninstallService RestoreOriginalProxy RemoveData; do
  grep -q 'NOT UPGRADINGPRODUCTCODE' <<<"$(condition "$action")" || fail "$action also runs when an upgrade removes the old version"
done
grep -q "^RemoveExistingProducts	" <<<"$sequence" || fail "no major upgrade (RemoveExistingProducts)"
grep -qP '^PathEntry\t=-\*PATH\t\[~\];\[INSTALLDIR\]\tProgram$' <<<"$(msiinfo export target/wuproxy.msi Environment | tr -d "\r")" \
  || fail "the install folder is not added to the system PATH (and removed on uninstall)"
[ -n "$(step WriteEnvironmentStrings)" ] && [ -n "$(step RemoveEnvironmentStrings)" ] || fail "the PATH is never written or removed"
grep -qP '^StopWuproxy\twuproxy\t34\t' <<<"$(msiinfo export target/wuproxy.msi ServiceControl | tr -d "\r")" \
  || fail "the service is not stopped before its files are replaced or removed"
registry="$(msiinfo export target/wuproxy.msi Registry | tr -d "\r")"
grep -qF '"[INSTALLDIR]wuproxyw.exe" tray' <<<"$registry" || fail "the tray at logon does not use the windowless launcher"
grep -qP '\t2\tSoftware\\wuproxy\tStartMenu\t' <<<"$registry" || fail "the per-machine Start-menu shortcut is not keyed in HKLM"
grep -qP '\t\[INSTALLDIR\]wuproxyw.exe\t' <<<"$(msiinfo export target/wuproxy.msi Shortcut | tr -d "\r")" \
  || fail "the Start-menu shortcut does not use the windowless launcher"
grep -qF 'EventLog\Application\wuproxy' <<<"$(msiinfo export target/wuproxy.msi Registry)" || fail "the Event Log source is not registered"
grep -qF 'CurrentVersion\Run' <<<"$(msiinfo export target/wuproxy.msi Registry)" || fail "the tray is not started at logon"
grep -qF 'Tray	0	START_TRAY="0"' <<<"$(msiinfo export target/wuproxy.msi Condition | tr -d "\r")" || fail "START_TRAY=0 does not turn the tray off"
launch="$(msiinfo export target/wuproxy.msi LaunchCondition | tr -d "\r")"
grep -qF 'SKIP_JAVA_CHECK="1" OR %JAVA_HOME' <<<"$launch" || fail "the Java 17 launch condition is missing"
for search in JavaSoftJdk JavaSoftJre Zulu17 Zulu21; do
  grep -q "^$search	18	" <<<"$(msiinfo export target/wuproxy.msi RegLocator | tr -d "\r" | awk -F'\t' '{print $1"\t"$5"\t"}')" \
    || fail "the registry search $search for Java is missing or not 64-bit raw"
done
echo "installer: target/wuproxy.msi ($(stat -c %s target/wuproxy.msi) bytes) built and checked"
if command -v wine >/dev/null; then
  timeout 900 bash installer/check-msi-wine.sh target/wuproxy.msi target/upgrade-test/wuproxy.msi
elif [ "${CI:-}" = true ]; then
  fail "Wine is not installed, so the MSI was not installed and checked (apt-get install wine wine64, or run .ci/run)"
else
  echo "installer: Wine is not installed: the MSI was not installed under Wine (apt-get install wine wine64)"
fi
