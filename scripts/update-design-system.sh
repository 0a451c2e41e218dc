#!/usr/bin/env bash
# Vendors the Scottish Government Design System's built files into wwwroot/lib/sgds,
# so the app needs no Node at build or run time. Usage: scripts/update-design-system.sh [VERSION]
set -euo pipefail
version="${1:-4.2.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/src/Pif.Web/wwwroot/lib/sgds"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@scottish-government/design-system@$version" >/dev/null)
tar -xzf "$work"/scottish-government-design-system-"$version".tgz -C "$work"

rm -rf "$target"
mkdir -p "$target"
cp -R "$work/package/dist/css" "$work/package/dist/scripts" "$work/package/dist/images" "$target/"
# Source maps and type declarations are not served; TypeScript declarations are not needed at run time.
find "$target" \( -name '*.map' -o -name '*.d.ts' \) -delete
cp "$work/package/LICENSE.txt" "$target/LICENSE.txt"
printf '@scottish-government/design-system %s\nCopied by scripts/update-design-system.sh on %s\n' \
  "$version" "$(date -u +%Y-%m-%d)" > "$target/VERSION"
echo "Vendored @scottish-government/design-system $version into ${target#"$root"/}"
