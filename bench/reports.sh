#!/usr/bin/env bash
# Report benchmark (DESIGN.md section 7; issue: reports): the Word document and the PDF of Glasgow City's published
# 25-QI self-evaluation of the national demo data, each asked for 10 times after 2 warm-ups, one at a time, signed in
# as its lead. Prints the median and slowest time of each against the budgets (DOCX 1 s, PDF 3 s), and how far the
# app's resident memory grew, and the printing Chromium's, over the 20 exports. Starts Pif on SQLite in a temporary
# folder; needs Debian's chromium for the PDF.
# Usage: bench/reports.sh [runs, default 10]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
port=5093
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
pid=""
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v jq >/dev/null || { echo "Install jq first." >&2; exit 1; }
dotnet publish "$root/src/Pif.Web" -c Release -o "$work/app" -nologo -v quiet >/dev/null
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Demo__Size=national \
  ConnectionStrings__Sqlite="Data Source=$work/pif.db" Security__SignInAttemptsPerMinute=1000 \
  dotnet Pif.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 300); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=lead.glasgow@pif.example" --data-urlencode "Input.Password=pif-demo-password" "$base/sign-in"
evaluation=$(curl -fs -b "$jar" "$base/api/v1/self-evaluations" | jq -r 'map(select(.state == "Published"))[0].id')
[ "$evaluation" != null ] || { echo "No published self-evaluation to report on." >&2; exit 1; }

rss_kb() { awk '/^VmRSS:/ {s += $2} END {print s + 0}' "$@" 2>/dev/null || echo 0; }
app_kb() { rss_kb "/proc/$pid/status"; }
# Chromium is the app's child process tree: every process whose command line is the system chromium.
chromium_kb() { local files=(); for p in $(pgrep -f '/usr/bin/chromium|chromium --' || true); do files+=("/proc/$p/status"); done; [ ${#files[@]} -gt 0 ] && rss_kb "${files[@]}" || echo 0; }

# time_of FORMAT: seconds for one export, checking it is what was asked for.
time_of() {
  local type
  read -r type seconds < <(curl -fs -b "$jar" -o "$work/out.$1" -w '%{content_type} %{time_total}\n' "$base/self-evaluations/$evaluation/report.$1")
  case "$1:$type" in docx:application/vnd.openxmlformats*|pdf:application/pdf*) ;; *) echo "report.$1 came back as $type" >&2; exit 1 ;; esac
  echo "$seconds"
}
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
slowest() { sort -n | tail -n 1; }

for format in docx pdf; do time_of "$format" >/dev/null; time_of "$format" >/dev/null; done
sleep 2
app_before=$(app_kb) chromium_before=$(chromium_kb)
: > "$work/docx" ; : > "$work/pdf"
for _ in $(seq 1 "$runs"); do time_of docx >> "$work/docx"; done
for _ in $(seq 1 "$runs"); do time_of pdf >> "$work/pdf"; done
sleep 2
app_after=$(app_kb) chromium_after=$(chromium_kb)

printf 'DOCX (%s bytes): median %.3f s, slowest %.3f s over %s runs (budget 1 s)\n' "$(stat -c %s "$work/out.docx")" "$(median < "$work/docx")" "$(slowest < "$work/docx")" "$runs"
printf 'PDF (%s bytes): median %.3f s, slowest %.3f s over %s runs (budget 3 s)\n' "$(stat -c %s "$work/out.pdf")" "$(median < "$work/pdf")" "$(slowest < "$work/pdf")" "$runs"
printf 'Resident memory: app %d MB before, %d MB after (%+d MB); Chromium %d MB before, %d MB after (%+d MB)\n' \
  $((app_before / 1024)) $((app_after / 1024)) $(((app_after - app_before) / 1024)) \
  $((chromium_before / 1024)) $((chromium_after / 1024)) $(((chromium_after - chromium_before) / 1024))
