#!/usr/bin/env bash
# Memory benchmark of evidence files (DESIGN.md section 7): upload a 20 MB file through the add-evidence
# page and download it again, and report how far the process's working set (resident memory) grew
# above its level before, against the budget of 60 MB. Starts Pif on SQLite in a temporary folder.
# Usage: bench/upload.sh [size in MB, default 20]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-20}"
port=5092
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
trap 'kill "$sampler" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
sampler=""
pid=""

dotnet publish "$root/src/Pif.Web" -c Release -o "$work/app" -nologo -v quiet >/dev/null
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  ConnectionStrings__Sqlite="Data Source=$work/pif.db" Security__SignInAttemptsPerMinute=1000 \
  dotnet Pif.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 60); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done

jar="$work/cookies"
token() { curl -fs -c "$jar" -b "$jar" "$base$1" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1; }
curl -fs -c "$jar" -b "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$(token /sign-in)" \
  --data-urlencode "Input.Email=lead.glasgow@pif.example" --data-urlencode "Input.Password=pif-demo-password" "$base/sign-in"

# A PDF of the size asked for: the signature, then filler.
make_pdf() { { printf '%%PDF-1.7\n'; head -c "$(( $2 * 1024 * 1024 - 9 ))" /dev/zero | tr '\0' 'x'; } > "$1"; }

# Adds evidence with the file, downloads it, and checks the bytes came back the same.
upload_and_download() {
  local location file
  location=$(curl -fs -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
    -F "__RequestVerificationToken=$(token /evidence/add)" -F "Form.Title=Benchmark file $(basename "$1")" -F "Form.Kind=Document" \
    -F "Form.EffectiveFrom=2026-01-01" -F "Form.EffectiveTo=2026-03-31" -F "Form.OwnerId=$owner" -F "Form.OrganisationId=$council" -F "Files=@$1;type=application/pdf" "$base/evidence/add")
  [ -n "$location" ] || { echo "Adding the evidence was refused." >&2; exit 1; }
  file=$(curl -fs -b "$jar" "$location" | sed -n 's/.*href="\(\/evidence\/[^"]*\/files\/[^"]*\)".*/\1/p' | head -n 1)
  curl -fs -b "$jar" -o "$work/downloaded" "$base$file"
  cmp -s "$1" "$work/downloaded" || { echo "The download differs from the upload." >&2; exit 1; }
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }

form=$(curl -fs -b "$jar" "$base/evidence/add")
owner=$(sed -n 's/.*<option value="\([0-9a-f-]\{36\}\)" selected="selected">.*/\1/p' <<<"$form" | head -n 1)
council=$(sed -n 's/.*name="Form.OrganisationId" value="\([0-9a-f-]\{36\}\)".*/\1/p' <<<"$form" | head -n 1)
make_pdf "$work/warm.pdf" 1
make_pdf "$work/big.pdf" "$size_mb"

# Warm up every path once, so the JIT and the pools are not counted, then settle.
upload_and_download "$work/warm.pdf"
sleep 2
before=$(rss_kb)
( peak=0; while true; do now=$(rss_kb); [ "$now" -gt "$peak" ] && peak=$now && echo "$peak" > "$work/peak"; sleep 0.02; done ) &
sampler=$!
upload_and_download "$work/big.pdf"
sleep 0.5
kill "$sampler" 2>/dev/null || true
peak=$(cat "$work/peak")
growth_mb=$(( (peak - before) / 1024 ))
printf 'file %s MB, working set before %s MB, peak %s MB, growth %s MB (budget 60 MB)\n' "$size_mb" "$(( before / 1024 ))" "$(( peak / 1024 ))" "$growth_mb"
[ "$growth_mb" -lt 60 ] || { echo "Over budget." >&2; exit 1; }
