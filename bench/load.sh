#!/usr/bin/env bash
# Load test of the main pages against the floor app (../shared/perf) and /health/live in the same
# run (DESIGN.md section 7). Starts Pif on SQLite with the national demo data in a temporary folder,
# signs in as demo accounts with curl, then runs wrk (2 threads, 32 connections) against each
# address on 127.0.0.1 only: a 3-second warm-up, then the measured run. The floor is measured
# before and after the pages; each page's share is of the better of the two (noise only lowers
# throughput). Budget (issue 13): every main page at least 25 % of the floor, p99 under 100 ms.
# Usage: bench/load.sh [seconds per address, default 8]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-8}"
port=5091
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
floor_stop=""
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; [ -n "$floor_stop" ] && $floor_stop 2>/dev/null; rm -rf "$work"' EXIT

for tool in wrk jq; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -qq "$tool" >/dev/null; else echo "Install $tool first." >&2; exit 1; fi
  fi
done

dotnet publish "$root/src/Pif.Web" -c Release -o "$work/app" -nologo -v quiet >/dev/null
# Development seeds the demo accounts the script signs in with; logging is turned down so the
# console is not the bottleneck.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Demo__Size=national \
  ConnectionStrings__Sqlite="Data Source=$work/pif.db" Security__SignInAttemptsPerMinute=1000 \
  exec dotnet Pif.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
app=$!
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done

# Signs in as a demo account and prints the cookie header that wrk sends.
sign_in() {
  local jar="$work/cookies-$1" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=pif-demo-password" "$base/sign-in"
  awk '$6 ~ /pif-session|Antiforgery/ {printf "%s=%s; ", $6, $7}' "$jar"
}
cookie=$(sign_in national.admin@pif.example)
lead=$(sign_in lead.glasgow@pif.example)

if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/users")" != 200 ]; then
  echo "Signing in failed: the signed-in pages would measure redirects." >&2
  exit 1
fi

# The Glasgow self-evaluation of the national demo data (25 QIs, 5 contributors a QI) and its first QI.
evaluation=$(curl -fs -H "Cookie: $lead" "$base/api/v1/self-evaluations" | jq -r 'map(select(.state == "InProgress"))[0].id')
qi=$(curl -fs -H "Cookie: $lead" "$base/api/v1/self-evaluations/$evaluation" | jq -r '.qualityIndicators[0].id')

# Glasgow's approved demo plan (8 actions answering last year's published self-evaluation); the lead owns some of
# its actions, so their home page lists their improvement tasks too.
plan=$(curl -fs -H "Cookie: $lead" "$base/api/v1/improvement-plans" | jq -r '.[0].id')

# Glasgow's agreed demo outcome agreement (three local outcomes threaded to indicators, QIs and actions) and its first local outcome.
agreement=$(curl -fs -H "Cookie: $lead" "$base/api/v1/outcome-agreements" | jq -r 'map(select(.council == "Glasgow City"))[0].id')
outcome=$(curl -fs -H "Cookie: $lead" "$base/api/v1/outcome-agreements/$agreement" | jq -r '.outcomes[0].id')

# The floor: the least a signed-in, database-backed page costs on this stack, in the same run.
floor_lines=$(FLOOR_PORT=5098 "$root/../shared/perf/floor.sh")
floor_url=$(sed -n 1p <<<"$floor_lines")
floor_cookie=$(sed -n 2p <<<"$floor_lines")
floor_stop=$(sed -n 3p <<<"$floor_lines")

measure() { # measure URL COOKIE: prints "rps p99 errors"
  wrk -t2 -c32 -d3s -H "Cookie: $2" "$1" >/dev/null 2>&1 || true
  wrk -t2 -c32 -d"${seconds}s" -s "$root/bench/report.lua" -H "Cookie: $2" "$1" | grep '^RESULT' \
    | sed -E 's/.*rps=([0-9]+).*p99=([0-9.]+).*errors=([0-9]+).*/\1 \2 \3/' || echo "0 0 failed"
}

# Ten seconds of load first: the floor needs them to reach its pace.
wrk -t2 -c32 -d10s -H "Cookie: $floor_cookie" "$floor_url" >/dev/null 2>&1 || true
read -r floor_before floor_before_p99 _ <<<"$(measure "$floor_url" "$floor_cookie")"
read -r live _ _ <<<"$(measure "$base/health/live" "")"

# Each page is measured with a cookie signed in just before: the security stamp is checked once a
# minute, and a browser keeps the renewed cookie that check sends, which wrk cannot.
names=() results=()
warming=""
page() {
  if [ -n "$warming" ]; then
    wrk -t2 -c32 -d2s -H "Cookie: $(sign_in "$3")" "$base$2" >/dev/null 2>&1 || true
  else
    names+=("$1"); results+=("$(measure "$base$2" "$(sign_in "$3")")")
  fi
}
admin=national.admin@pif.example
glasgow=lead.glasgow@pif.example
pages() {
page "home (/)" "/" $admin
page "self-evaluation list" "/self-evaluations" $glasgow
page "frameworks" "/frameworks" $admin
page "framework QI (8.2)" "/frameworks/PIF/versions/1/qis/8.2" $admin
page "self-evaluation overview" "/self-evaluations/$evaluation" $glasgow
page "QI page (contribute)" "/self-evaluations/$evaluation/qis/$qi" $glasgow
page "moderation (agree)" "/self-evaluations/$evaluation/qis/$qi/agree" $glasgow
page "grade profile" "/self-evaluations/$evaluation/profile" $glasgow
page "evidence library" "/evidence" $glasgow
page "users" "/users" $admin
page "audit" "/audit" $admin
page "improvement plan" "/improvement-plans/$plan" $glasgow
page "home with tasks (lead)" "/" $glasgow
page "indicator (SW07)" "/performance-indicators/SW07" $glasgow
page "all councils (SW07)" "/performance-indicators/SW07/councils" $glasgow
page "council profile" "/performance-indicators/profile" $glasgow
page "funnel plot (SW06)" "/performance-indicators/SW06/funnel" $glasgow
page "indicator, U chart (SW06)" "/performance-indicators/SW06" $glasgow
# 10,010 published case studies in the national demo data: full-text search (every word must match), and the library.
page "case study search" "/case-studies?Q=kinship+carers+assessment" $glasgow
page "case study search, 1 word in 3" "/case-studies?Q=carers" $glasgow
page "case study library" "/case-studies" $glasgow
page "outcome agreement" "/outcomes/agreements/$agreement" $glasgow
page "golden thread" "/outcomes/agreements/$agreement/outcomes/$outcome" $glasgow
}
# A server in use has compiled its code and run its start-up jobs: two seconds on every page first, so the page
# measured first is not the one that pays for them (it measured at 60 % of its later rate without).
warming=1 pages
warming="" pages

read -r floor_after floor_after_p99 _ <<<"$(measure "$floor_url" "$floor_cookie")"
floor=$(( floor_before > floor_after ? floor_before : floor_after ))

printf 'floor %s req/s (before %s, p99 %s ms; after %s, p99 %s ms); /health/live %s req/s (floor is %s %% of it)\n' \
  "$floor" "$floor_before" "$floor_before_p99" "$floor_after" "$floor_after_p99" "$live" "$(( live > 0 ? 100 * floor / live : 0 ))"
printf '%-26s %8s %9s %7s %s\n' "page" "req/s" "p99 ms" "floor%" "errors"
for i in "${!names[@]}"; do
  read -r rps p99 errors <<<"${results[$i]}"
  printf '%-26s %8s %9s %6s%% %s\n' "${names[$i]}" "$rps" "$p99" "$(awk -v r="$rps" -v f="$floor" 'BEGIN { printf "%.1f", (f > 0 ? 100 * r / f : 0) }')" "$errors"
done
