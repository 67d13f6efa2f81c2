#!/usr/bin/env bash
# Installs, on a fresh Debian machine, the Debian packages ATTT Monitor needs beyond the .NET SDK.
#   scripts/install-deps.sh run    what `attt serve` needs: fonts-noto-core, a font with every
#                                  Vietnamese letter for the PDF reports (Biểu mẫu 03/04)
#   scripts/install-deps.sh test   the above, and what the tests need: the independent EVTX parsers
#                                  used as oracles, Debian's chromium for the dashboard tests (browsers
#                                  are never downloaded by Playwright), pdftotext to read the PDFs back
# scripts/demo.sh runs the first, scripts/test.sh (and so .ci/run) the second. Nothing is done
# when every package is there already, so it needs no network and no root then.
set -euo pipefail
run_packages=(fonts-noto-core)
test_packages=(python3-evtx libevtx-utils chromium poppler-utils)
case "${1:-}" in
  run) packages=("${run_packages[@]}") ;;
  test) packages=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: scripts/install-deps.sh run|test" >&2; exit 2 ;;
esac
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
