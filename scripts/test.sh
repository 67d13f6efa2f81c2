#!/usr/bin/env bash
# The test command of the README: installs what the tests need, builds with zero warnings, runs
# every test project, and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
dotnet build ATTT.Monitor.sln -c Release -warnaserror -nologo -v q
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
