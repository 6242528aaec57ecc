#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine and runs it (pytest):
# Debian packages (PostgreSQL, Chromium, poppler, fonts, Pango for WeasyPrint), a PostgreSQL
# database for the storage tests, axe-core for the accessibility tests, a virtualenv with
# the package and its test extras. Run from the repository root: bash scripts/testen.sh
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
command -v npm >/dev/null 2>&1 || packages+=(npm)
for pkg in fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || packages+=("$pkg")
done
if [ ${#packages[@]} -gt 0 ]; then
  echo "Debian-pakketten installeren: ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# PostgreSQL: start a cluster when none answers, and make the test role and database.
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_lsclusters -h | grep -q "^$version main" || as_root pg_createcluster "$version" main >/dev/null
  as_root pg_ctlcluster "$version" main start
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
psql_admin() { as_root su postgres -c "psql -qtAc \"$1\""; }
[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='impact'")" = "1" ] \
  || psql_admin "CREATE ROLE impact LOGIN PASSWORD 'impact' SUPERUSER"
[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='impact'")" = "1" ] \
  || psql_admin "CREATE DATABASE impact OWNER impact"
export IMPACT_TEST_PG="${IMPACT_TEST_PG:-postgresql+psycopg://impact:impact@127.0.0.1:5432/impact}"
export IMPACT_REQUIRE_PG=1

# axe-core (accessibility engine) from the npm registry, into a git-ignored folder.
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4 >/dev/null
fi
export IMPACT_AXE_JS="$PWD/.cache/axe/node_modules/axe-core/axe.min.js"

# The package with its test extras, in a virtualenv, then the suite on both databases.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
# deduce builds an ~80 MB lookup cache on first use (a minute or more): build it once here,
# not in two test workers at the same time.
export IMPACT_CACHE="${IMPACT_CACHE:-$PWD/.cache}"
.venv/bin/python -c "from verhalen.deduce_instance import get_deduce; get_deduce()"
exec .venv/bin/python -m pytest -n 2 "$@"
