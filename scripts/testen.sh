#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine and runs it (pytest):
# Debian packages (PostgreSQL, Chromium, poppler, fonts, Pango for WeasyPrint, python3-venv),
# a PostgreSQL database for the storage tests, axe-core for the accessibility tests, a
# virtualenv with the package and its test extras. Run from the repository root:
#   bash scripts/testen.sh [pytest-argumenten]
#   bash scripts/testen.sh --alleen-installeren   # installs and prepares, runs no tests
# Root-only steps (apt, starting PostgreSQL, creating its role) run only when something is
# missing; with everything in place the script needs no root and no sudo. apt waits for a
# dpkg lock held by another installer instead of failing.
set -euo pipefail
cd "$(dirname "$0")/.."

alleen_installeren=0
if [ "${1:-}" = "--alleen-installeren" ]; then
  alleen_installeren=1
  shift
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# wait up to 10 minutes for another apt/dpkg (unattended-upgrades, a second shell) to finish
apt_get() { as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }

packages=()
command -v pg_ctlcluster >/dev/null 2>&1 || packages+=(postgresql)
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
command -v npm >/dev/null 2>&1 || packages+=(npm)
for pkg in fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || packages+=("$pkg")
done
# `python3 -m venv` needs ensurepip, which Debian ships separately (python3-venv); only
# checked when the virtualenv does not exist yet, by making a throw-away one
if [ ! -x .venv/bin/python ]; then
  proef=$(mktemp -d)
  python3 -m venv "$proef/venv" >/dev/null 2>&1 || packages+=(python3-venv)
  rm -rf "$proef"
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "Debian-pakketten installeren: ${packages[*]}"
  apt_get update -qq
  apt_get install -y -qq "${packages[@]}" >/dev/null
fi

# PostgreSQL: start a cluster when none answers, and make the test role and database. When the
# caller brings their own server (IMPACT_TEST_PG set and reachable), none of this runs.
export IMPACT_TEST_PG="${IMPACT_TEST_PG:-postgresql+psycopg://impact:impact@127.0.0.1:5432/impact}"
pg_klaar() { psql -qtAc "SELECT 1" "${IMPACT_TEST_PG/+psycopg/}" >/dev/null 2>&1; }
if ! pg_klaar; then
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
fi
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
if [ "$alleen_installeren" -eq 1 ]; then
  echo "Alles geïnstalleerd; de tests zijn niet gedraaid."
  exit 0
fi
exec .venv/bin/python -m pytest -n 2 "$@"
