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

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then apt-get install -y -qq wrk >/dev/null; else echo "Install wrk first." >&2; exit 1; fi
fi

dotnet publish "$root/src/Pif.Web" -c Release -o "$work/app" -nologo -v quiet >/dev/null
# Development seeds the demo accounts the script signs in with; logging is turned down so the
# console is not the bottleneck.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  ConnectionStrings__Sqlite="Data Source=$work/pif.db" Security__SignInAttemptsPerMinute=1000 \
  dotnet Pif.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
app=$!
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done

jar="$work/cookies"
token=$(curl -fs -c "$jar" -b "$jar" "$base/sign-in" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Input.Email=national.admin@pif.example" --data-urlencode "Input.Password=pif-demo-password" "$base/sign-in"
cookie=$(awk '$6 ~ /pif-session|Antiforgery/ {printf "%s=%s; ", $6, $7}' "$jar")

if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/users")" != 200 ]; then
  echo "Signing in failed: the signed-in pages would measure redirects." >&2
  exit 1
fi

printf '%-28s %s\n' "address" "result"
for path in /health/live /lib/sgds/css/design-system.min.css /sign-in / /organisations /users /audit; do
  line=$(wrk -t2 -c16 -d"${seconds}s" -s "$root/bench/report.lua" -H "Cookie: $cookie" "$base$path" | grep '^RESULT' || echo "RESULT failed")
  printf '%-28s %s\n' "$path" "${line#RESULT }"
done
