#!/usr/bin/env bash
# Adds a migration with the same name to both the SQLite and the PostgreSQL set.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
if [ $# -ne 1 ] || [[ ! "$1" =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "Usage: scripts/add-migration.sh NAME   (NAME in PascalCase, such as AddEvidence)" >&2
  exit 2
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
project=src/Pif.Web/Pif.Web.csproj
dotnet build "$project" -nologo -v quiet
dotnet ef migrations add "$1" --no-build --project "$project" --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$1" --no-build --project "$project" --context PostgresAppDbContext --output-dir Data/Migrations/Postgres
echo "Added migration $1 to Data/Migrations/Sqlite and Data/Migrations/Postgres."
