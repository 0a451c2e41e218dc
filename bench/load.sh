#!/usr/bin/env bash
# Load test of the main pages against /health/live and a static file in the same run
# (DESIGN.md section 7). Starts Pif on SQLite in a temporary folder, signs in as a demo account
# with curl, then runs wrk (16 connections) against each address on 127.0.0.1 only.
# Usage: bench/load.sh [seconds per address, default 10]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-10}"
port=5091
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

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
  dotnet Pif.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
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

run() {
  local line
  line=$(wrk -t2 -c16 -d"${seconds}s" -s "$root/bench/report.lua" -H "Cookie: $2" "$base$1" | grep '^RESULT' || echo "RESULT failed")
  printf '%-28s %s\n' "$3" "${line#RESULT }"
}

printf '%-28s %s\n' "address" "result"
for path in /health/live /lib/sgds/css/design-system.min.css /sign-in / /organisations /users /audit /frameworks/PIF/versions/1/qis/8.2; do
  run "$path" "$cookie" "$path"
done
run "/self-evaluations/$evaluation" "$lead" "self-evaluation overview"
run "/self-evaluations/$evaluation/qis/$qi/agree" "$lead" "moderation (agree) page"
run "/self-evaluations/$evaluation/qis/$qi" "$lead" "QI page (contribute)"
