#!/usr/bin/env bash
# The test command of the README: installs what the tests need, builds with zero warnings, runs
# every test project, and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
dotnet build ATTT.Monitor.sln -c Release -warnaserror -nologo -v q
# The shipped Windows agent, published as docs/agent.md says (trimmed, self-contained win-x64 single file;
# the settings are in the project file): compiles the Windows sources for win-x64 and runs the trimmer's
# analysis, warnings as errors (the win-x64 runtime packs come from NuGet on restore). Fails the run if the
# publish fails, if the file is over 20 MB (issue 6), or if built-in COM, which the WMI posture probe needs,
# is off in the bundled runtimeconfig (readable: the single file is not compressed).
win_out=$(mktemp -d)
dotnet publish agents/ATTT.Monitor.Agent -c Release -r win-x64 -warnaserror -nologo -v q -o "$win_out"
win_size=$(stat -c %s "$win_out/attt-agent.exe")
echo "win-x64 attt-agent.exe: $win_size bytes (limit 20000000)"
if (( win_size > 20000000 )); then
  echo "win-x64 attt-agent.exe is over 20 MB" >&2; exit 1
fi
if ! grep -a -q -E '"System\.Runtime\.InteropServices\.BuiltInComInterop\.IsSupported":[[:space:]]*true' "$win_out/attt-agent.exe"; then
  echo "win-x64 attt-agent.exe: built-in COM is off; the WMI posture probe would throw" >&2; exit 1
fi
rm -rf "$win_out"
log=$(mktemp)
status=0
dotnet test ATTT.Monitor.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?
python3 - "$log" <<'PY'
import re, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"Failed:\s+(\d+), Passed:\s+(\d+), Skipped:\s+(\d+)", line)
    if m:
        failed += int(m.group(1)); passed += int(m.group(2)); skipped += int(m.group(3))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
rm -f "$log"
exit $status
