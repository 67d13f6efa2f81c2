#!/usr/bin/env bash
# Installs, on a fresh Debian machine, what the test suite needs beyond the .NET SDK:
# the independent EVTX parsers used as oracles, Debian's chromium for the dashboard tests, and
# pdftotext (poppler-utils), which reads the generated PDFs back in the report tests.
# Browsers are never downloaded by Playwright; tests use /usr/bin/chromium.
set -euo pipefail
packages=(python3-evtx libevtx-utils chromium fonts-noto-core poppler-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
