#!/usr/bin/env bash
# Import benchmark (issue 17): the real LGBF long file's preview and commit through the API, and the commit
# against a raw Microsoft.Data.Sqlite insert of the same rows in one transaction into an empty table shaped and
# indexed as indicator_values, in the same run (budget 3x, aim 2x); then the same for a generated file of
# 1,000,000 values. Starts Pif (Release, Development, no made-up indicators) on SQLite in a temporary folder.
# Usage: bench/import.sh [rows of the generated file, default 1000000]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$root/../shared/data"
rows="${1:-1000000}"
port=5093
base="http://127.0.0.1:$port"
key="bench-import-key-0123456789abcdefghijklmnopqrstuvwxyz"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
pid=""

dotnet publish "$root/src/Pif.Web" -c Release -o "$work/app" -nologo -v quiet >/dev/null
dotnet build "$root/bench/ImportBench" -c Release -o "$work/helper" -nologo -v quiet >/dev/null
helper() { dotnet "$work/helper/ImportBench.dll" "$@"; }

(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Demo__Indicators=false Demo__ApiKey="$key" \
  IndicatorImports__MaxBytes=209715200 ConnectionStrings__Sqlite="Data Source=$work/pif.db" \
  dotnet Pif.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 90); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done

# Seconds taken by a request, and the import's id from its answer.
upload() { curl -fs -o "$work/answer.json" -w '%{time_total}' -H "Authorization: Bearer $key" -F "file=@$1;type=text/csv" "$base/api/v1/indicator-imports"; }
commit() { curl -fs -o "$work/answer.json" -w '%{time_total}' -X POST -H "Authorization: Bearer $key" "$base/api/v1/indicator-imports/$(id)/commit"; }
id() { sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' "$work/answer.json"; }
summary() { sed -n 's/.*"summary":\({[^}]*}\).*/\1/p' "$work/answer.json"; }

upload "$data/lgbf_indicator_information.csv" >/dev/null
commit >/dev/null

# Measures one file: preview, commit, then the raw insert of the same rows into the same database.
measure() {
  local name=$1 file=$2 preview commit_s raw rows_raw ms
  preview=$(upload "$file")
  commit_s=$(commit)
  echo "$name: $(summary)"
  raw=$(helper raw "$work/pif.db" "$file")
  rows_raw=${raw% *}; ms=${raw#* }
  awk -v n="$name" -v p="$preview" -v c="$commit_s" -v r="$ms" -v rows="$rows_raw" 'BEGIN {
    printf "%s: preview %.2f s, commit %.2f s; raw insert of the same %d rows %.2f s; commit / raw %.1fx\n", n, p, c, rows, r / 1000, c / (r / 1000) }'
}

# A first, small import warms the JIT, so the measured runs are not paying for it.
head -n 200 "$data/lgbf_scotland_real_long.csv" > "$work/warm.csv"
upload "$work/warm.csv" >/dev/null; commit >/dev/null

measure "LGBF long file (real)" "$data/lgbf_scotland_real_long.csv"
helper generate "$data/lgbf_scotland_real_long.csv" "$work/generated.csv" "$rows"
measure "Generated long file" "$work/generated.csv"
awk '/^VmHWM:/ { printf "Peak resident memory of Pif: %d MB\n", $2 / 1024 }' "/proc/$pid/status"
