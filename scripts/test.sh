#!/usr/bin/env bash
# The one test command. Builds once, then runs every test tier on SQLite and on PostgreSQL:
#   page, API, service and migration tests (tests/Pif.Tests), then browser journeys with axe
#   (tests/Pif.BrowserTests). As root on Debian it installs what is missing (chromium-headless-shell,
#   fonts-liberation, postgresql, and prometheus for promtool) and starts a throwaway PostgreSQL
#   cluster on 127.0.0.1.
# Prints one closing line "N passed, N failed, N skipped"; exits non-zero on any failure or when
# no test ran. PIF_REQUIRE_ALL=1 turns anything left out (no browser, no PostgreSQL) into a failure.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
configuration="${PIF_TEST_CONFIGURATION:-Release}"
# The browser journeys drive Debian's headless shell (ADR 11): the same Chromium without the full browser's
# window machinery, which takes the journeys about 40 % less time here. The full browser works too.
chromium="${PIF_CHROMIUM:-}"
require_all="${PIF_REQUIRE_ALL:-0}"
work="$(mktemp -d -t pif-test-XXXXXX)"
left_out=()
passed=0 failed=0 skipped=0 runs_failed=0
pg_data="" pg_bin=""

say() { printf '==> %s\n' "$*"; }

cleanup() {
  if [ -n "$pg_data" ] && [ -n "$pg_bin" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- 1. Install what is missing (root on Debian only) ------------------------------------
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
  missing=()
  for package in chromium-headless-shell fonts-liberation postgresql prometheus; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Packages install only their programs here: no service they ship (postgresql, prometheus) is started.
    policy_rc=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_rc=1
    fi
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || say "Could not install ${missing[*]}"
    [ -n "$policy_rc" ] && rm -f /usr/sbin/policy-rc.d
  fi
else
  say "Not root on Debian: installing nothing; using what this machine has."
fi

if [ -z "$chromium" ]; then
  chromium=/usr/bin/chromium-headless-shell
  [ -x "$chromium" ] || [ ! -x /usr/bin/chromium ] || chromium=/usr/bin/chromium
fi

# --- 2. A throwaway PostgreSQL cluster ----------------------------------------------------
postgres_url=""
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && id postgres >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  pg_data="$work/pgdata"
  mkdir -p "$pg_data" && chown postgres "$work" "$pg_data"
  port=""
  for candidate in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port="$candidate"; break; fi
  done
  if runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
     && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -w -l "$work/postgres.log" \
          -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
          start >/dev/null; then
    postgres_url="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
  else
    say "PostgreSQL did not start:"; cat "$work/initdb.log" "$work/postgres.log" 2>/dev/null | tail -20
    pg_data=""
  fi
else
  pg_data=""
fi
[ -n "$postgres_url" ] || left_out+=("PostgreSQL (no server could be started here: run as root on Debian, or install postgresql)")

# --- 3. Build once ----------------------------------------------------------------------
say "Building ($configuration)"
if ! dotnet build Pif.slnx -c "$configuration" -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  echo "The build failed." >&2
  exit 1
fi

# The build already fails on any style or analyzer warning (EnforceCodeStyleInBuild, TreatWarningsAsErrors),
# so only whitespace needs a check of its own: it takes seconds, where the full `dotnet format` compiles
# everything again (two minutes here).
say "Checking formatting (dotnet format whitespace --verify-no-changes)"
if ! dotnet format whitespace Pif.slnx --verify-no-changes; then
  failed=$((failed + 1))
  say "The code is not formatted: run 'dotnet format Pif.slnx' and commit the result."
fi

# --- 4. Run each tier on each database --------------------------------------------------
run() { # run NAME PROJECT DATABASE [extra MTP options...]
  local name="$1" project="$2" database="$3"; shift 3
  local log="$work/$name.log"
  say "$name"
  PIF_TEST_DATABASE="$database" PIF_TEST_POSTGRES="$postgres_url" PIF_CHROMIUM="$chromium" \
    dotnet "tests/$project/bin/$configuration/net10.0/$project.dll" --no-progress --no-ansi --minimum-expected-tests 1 "$@" 2>&1 \
    | sed -u -e 's/\x1b\[[0-9;]*m//g' | tee "$log" \
    | grep -E '^(failed|  (total|failed|succeeded|skipped):)|Test run summary' 
  local status=${PIPESTATUS[0]}
  local t f s p
  t=$(grep -E '^  total:' "$log" | tail -n 1 | awk '{print $2}')
  f=$(grep -E '^  failed:' "$log" | tail -n 1 | awk '{print $2}')
  s=$(grep -E '^  skipped:' "$log" | tail -n 1 | awk '{print $2}')
  p=$(grep -E '^  succeeded:' "$log" | tail -n 1 | awk '{print $2}')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ "$status" -ne 0 ]; then
    runs_failed=$((runs_failed + 1))
    [ "${f:-0}" -gt 0 ] || { failed=$((failed + 1)); echo "$name exited $status without a failing test:"; tail -n 40 "$log"; }
  fi
}

run "Tests on SQLite" Pif.Tests Sqlite --filter-not-trait "Database=Postgres"
if [ -n "$postgres_url" ]; then
  run "Tests on PostgreSQL" Pif.Tests Postgres --filter-not-trait "Database=Sqlite"
fi

if [ -x "$chromium" ]; then
  run "Browser journeys on SQLite" Pif.BrowserTests Sqlite
  if [ -n "$postgres_url" ]; then
    run "Browser journey on PostgreSQL" Pif.BrowserTests Postgres --filter-trait "Postgres=Journey"
  fi
else
  left_out+=("browser tests (no Chromium at $chromium: install Debian's chromium-headless-shell or set PIF_CHROMIUM)")
fi

# --- 5. Summary -------------------------------------------------------------------------
for item in "${left_out[@]}"; do say "Left out: $item"; done
if [ "$require_all" = 1 ] && [ ${#left_out[@]} -gt 0 ]; then
  say "PIF_REQUIRE_ALL=1: anything left out is a failure."
  failed=$((failed + ${#left_out[@]}))
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$runs_failed" -gt 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
