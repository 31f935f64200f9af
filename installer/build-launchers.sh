#!/usr/bin/env bash
# Builds the two Windows launchers from installer/launcher/ with mingw-w64 (x64), then checks each one's
# PE header: wuproxy.exe a console program, wuproxyw.exe a windowless (GUI subsystem) one, both x64
# with version information. Run by `mvn -Pinstaller package` from the project folder.
set -euo pipefail
version="${1%-SNAPSHOT}"
for tool in x86_64-w64-mingw32-gcc x86_64-w64-mingw32-windres; do
  command -v "$tool" >/dev/null || { echo "installer: $tool is missing (apt-get install gcc-mingw-w64-x86-64-win32)" >&2; exit 1; }
done
IFS=. read -r major minor patch <<<"$version"
commas="${major:-0},${minor:-0},${patch:-0},0"
build() { # NAME SUBSYSTEM [DEFINES...]
  local name="$1" subsystem="$2"; shift 2
  x86_64-w64-mingw32-windres -DVERSION_COMMAS="$commas" -DVERSION_TEXT="\\\"$version\\\"" -DFILE_NAME="\\\"$name\\\"" \
    installer/launcher/launcher.rc -O coff -o "target/$name.res"
  x86_64-w64-mingw32-gcc -O2 -s -Wall -Werror -static "-m$subsystem" "$@" -o "target/$name" \
    installer/launcher/launcher.c "target/$name.res" -ladvapi32
  rm "target/$name.res"
}
mkdir -p target
build wuproxy.exe console
build wuproxyw.exe windows -DWINDOWLESS

fail() { echo "installer check failed: $*" >&2; exit 1; }
# The PE header: "PE\0\0" at e_lfanew (0x3C); Machine right after it; Subsystem at +0x5C (2 GUI, 3 console).
u16() { od -An -tu2 -j "$2" -N2 "$1" | tr -d ' '; }
u32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
check() { # NAME SUBSYSTEM-NUMBER WORD
  local file="target/$1" pe
  [ "$(head -c 2 "$file")" = "MZ" ] || fail "$1 is not a PE file"
  pe="$(u32 "$file" 60)"
  [ "$(od -An -c -j "$pe" -N2 "$file" | tr -d ' ')" = "PE" ] || fail "$1 has no PE header"
  [ "$(u16 "$file" $((pe + 4)))" = 34404 ] || fail "$1 is not an x64 program"
  [ "$(u16 "$file" $((pe + 0x5C)))" = "$2" ] || fail "$1 is not a $3 program (subsystem $(u16 "$file" $((pe + 0x5C))))"
  strings -el "$file" | grep -qx "$version" || fail "$1 has no version information saying $version"
}
check wuproxy.exe 3 console
check wuproxyw.exe 2 windowless
echo "installer: target/wuproxy.exe (console) and target/wuproxyw.exe (windowless) built and checked"
