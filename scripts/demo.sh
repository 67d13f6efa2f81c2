#!/usr/bin/env bash
# The README's demo: builds, starts `attt serve` on the embedded store in ./data, replays the attack
# samples of ../shared through the real ingest API so the dashboard fills with incidents, then
# prints the dashboard URL and the one-time administrator password. Ctrl+C stops the collector.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
data="${ATTT_DEMO_DATA:-$root/data}"
url="${ATTT_DEMO_URL:-http://127.0.0.1:5080}"
shared="$(cd "$root/.." && pwd)/shared"
samples="${ATTT_DEMO_SAMPLES:-$shared/evtx/attack-samples}"
rules="${ATTT_DEMO_RULES:-$shared/sigma}"
out="$root/artifacts/demo-build"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The font the PDF reports need for Vietnamese letters (fonts-noto-core), as on any fresh machine.
scripts/install-deps.sh run
[ -d "$samples" ] || { echo "demo: sample events not found at $samples" >&2; exit 2; }
[ -d "$rules" ] || { echo "demo: Sigma rules not found at $rules" >&2; exit 2; }

echo "demo: building (Release)..."
dotnet build collector/ATTT.Monitor.Collector/ATTT.Monitor.Collector.csproj -c Release --artifacts-path "$out" -nologo -v q >/dev/null
dotnet build agents/ATTT.Monitor.Agent/ATTT.Monitor.Agent.csproj -c Release --artifacts-path "$out" -nologo -v q >/dev/null
attt="$out/bin/ATTT.Monitor.Collector/release/attt"
agent="$out/bin/ATTT.Monitor.Agent/release/attt-agent"

mkdir -p "$data"
# The product's own rules for communes load with no configuration; the public SigmaHQ rules are
# installed offline as a rule pack (default profile core+, the agents' channels), as an operator
# installs a SigmaHQ release zip.
"$attt" rules update --from "$rules" --data "$data" | tail -n 1

"$attt" serve --data "$data" --urls "$url" >"$data/serve.out" 2>"$data/serve.log" &
serve=$!
trap 'kill "$serve" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
  grep -q "ATTT Monitor dashboard:" "$data/serve.out" 2>/dev/null && break
  kill -0 "$serve" 2>/dev/null || { echo "demo: attt serve stopped; see $data/serve.log" >&2; cat "$data/serve.log" >&2; exit 1; }
  sleep 0.5
done
dashboard=$(grep -m1 "ATTT Monitor dashboard:" "$data/serve.out" | sed 's/^ATTT Monitor dashboard: //')

unit="Xã Sảng Mộc"
code=$("$attt" agents enroll-code --data "$data" --unit "$unit" | tail -n 1)
echo "demo: replaying $(find "$samples" -name '*.evtx' | wc -l) sample .evtx files..."
if ! "$agent" run --collector "$url" --enroll-code "$code" --state "$data/demo-agent" --source "evtx:$samples" --exit-when-drained >"$data/agent.log" 2>&1; then
  # attt-agent cannot replay yet: post the same files through the same ingest API ourselves.
  code=$("$attt" agents enroll-code --data "$data" --unit "$unit" | tail -n 1)
  "$attt" demo load --collector "$url" --enroll-code "$code" --source "evtx:$samples" --host "PC-KETOAN-01"
fi

for _ in $(seq 1 60); do
  incidents=$("$attt" incidents list --data "$data" --format jsonl 2>/dev/null | wc -l)
  [ "$incidents" -gt 0 ] && break
  sleep 1
done

echo
echo "================================================================"
echo " Bảng điều khiển / dashboard: $dashboard"
if grep -q "one-time password" "$data/serve.out"; then
  grep -E "first administrator|one-time password" "$data/serve.out" | sed 's/^/ /'
else
  echo " Tài khoản admin đã có từ lần chạy trước (xoá $data để tạo lại)."
  echo " The admin account exists from an earlier run (delete $data to start over)."
fi
echo " Sự cố / incidents: ${incidents:-0}"
echo " Nhấn Ctrl+C để dừng / press Ctrl+C to stop."
echo "================================================================"
wait "$serve"
