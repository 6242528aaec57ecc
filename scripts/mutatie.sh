#!/usr/bin/env bash
# Mutation testing of the modules that hold the maths and the protections: small deliberate
# bugs (a > that becomes >=, 1.96 that becomes 2.96, a deleted call) are planted one at a time
# and the relevant tests are run; a mutant the tests do not notice "survives" and is printed.
# Too slow for CI; run it before resolving an issue that touches these modules and put the
# survivor count in the note. Each survivor is either killed by a new test or explained as
# equivalent (same behaviour, e.g. a changed error-message string).
#
#   bash scripts/mutatie.sh                       # every target below
#   bash scripts/mutatie.sh rci onthulling        # some targets
#   MUTATIE_TIJD=600 bash scripts/mutatie.sh rci  # stop a target after 600 s (default: no limit)
#   bash scripts/mutatie.sh "rci=classify Z_CRIT"  # only these functions/constants of a target
#
# Targets: rci, keerpunten, onthulling, import (the write transaction only), kostenbaten (the
# defaults only). mutmut (PyPI, 2.x) goes into .cache/mutatie-venv; the tests run with the
# project's .venv. Work happens in a temporary copy of the working tree: the repository itself
# is never modified.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "eerst: bash scripts/testen.sh --alleen-installeren" >&2; exit 1; }
TOOL="$ROOT/.cache/mutatie-venv"
if [ ! -x "$TOOL/bin/mutmut" ]; then
  python3 -m venv "$TOOL"
  "$TOOL/bin/python" -m pip install -q "mutmut[patch]==2.5.1"
fi

# target -> file to mutate | tests (fast, deterministic ones first: -x stops at the first failure)
declare -A BESTAND TESTS DEEL
BESTAND[rci]=modellen/betrouwbare_verandering.py
TESTS[rci]="tests/beproeving/test_drempels.py tests/modellen/test_betrouwbare_verandering.py"
DEEL[rci]="Z_CRIT ASSUMED_RELIABILITY s_diff cutoff_c settings _cutoff classify fit"  # not plot()
BESTAND[keerpunten]=modellen/keerpunten.py
TESTS[keerpunten]="tests/beproeving/test_drempels.py tests/modellen/test_keerpunten.py"
DEEL[keerpunten]="fit"
BESTAND[onthulling]=rapporten/onthulling.py
TESTS[onthulling]="tests/beproeving/test_drempels.py tests/beproeving/test_onthulling_audit.py tests/rapporten/test_onthulling.py"
DEEL[onthulling]="klein kruistabel _secundair _vergelijkingen _interval _controleer_met_lp aandelen reden per_groep controleer"
BESTAND[import]=impact/io/importer.py
TESTS[import]="tests/beproeving/test_import_transactie.py tests/impact/test_import.py"
DEEL[import]="_insert _write _organisation_ids"  # the write transaction
BESTAND[kostenbaten]="modellen/kostenbaten/casus.py modellen/kostenbaten/programma.py"
TESTS[kostenbaten]="tests/beproeving/test_drempels.py tests/modellen/kostenbaten/test_programma.py tests/modellen/kostenbaten/test_casus.py"
DEEL[kostenbaten]="regex:DISCONTOVOET|discontovoet|PRIJSPEIL|standaard="  # only lines with a default

doelen=("$@")
[ ${#doelen[@]} -gt 0 ] || doelen=(rci keerpunten onthulling import kostenbaten)

werk=$(mktemp -d "${TMPDIR:-/tmp}/mutatie.XXXXXX")
trap 'rm -rf "$werk"' EXIT
# a copy of the working tree as it is now (tracked and new files, uncommitted changes included)
git ls-files -co --exclude-standard -z | (cd "$ROOT" && xargs -0 cp --parents -t "$werk" 2>/dev/null || true)
cd "$werk"
export IMPACT_CACHE="${IMPACT_CACHE:-$ROOT/.cache}" IMPACT_HYPOTHESIS_VOORBEELDEN="${IMPACT_HYPOTHESIS_VOORBEELDEN:-100}"

# a patch that marks only the selected lines as new, so mutmut mutates only those. $1 is
# "regex:<pattern>" (every line matching) or names: a function or method (its whole body) or
# an UPPER_CASE constant (its assignment line). Then the files.
maak_patch() {
  local patroon=$1; shift
  "$PY" - "$patroon" "$@" <<'EOF'
import re, sys
patroon, bestanden = sys.argv[1], sys.argv[2:]
for pad in bestanden:
    regels = open(pad, encoding="utf-8").read().splitlines()
    if patroon.startswith("regex:"):
        kies = [i for i, r in enumerate(regels)
                if re.search(patroon[6:], r) and not r.lstrip().startswith("#")]
    else:
        kies = []
        for naam in patroon.split():
            if naam.isupper():
                kies += [i for i, r in enumerate(regels) if r.startswith(f"{naam} =")]
                continue
            for i, r in enumerate(regels):
                if re.match(rf"\s*def {naam}\(", r):
                    inspring = len(r) - len(r.lstrip())
                    j = i + 1
                    while j < len(regels) and (not regels[j].strip() or len(regels[j]) - len(regels[j].lstrip()) > inspring
                                               or regels[j].lstrip().startswith(")")):
                        j += 1
                    kies += range(i, j)
        kies = sorted(set(kies))
    print(f"--- a/{pad}\n+++ b/{pad}")
    for i in kies:  # one hunk per line: the line is "added" to an otherwise identical file
        print(f"@@ -{i},0 +{i + 1},1 @@\n+{regels[i]}")
EOF
}

totaal=0
for doel in "${doelen[@]}"; do
  if [[ "$doel" == *=* ]]; then DEEL[${doel%%=*}]=${doel#*=}; doel=${doel%%=*}; fi
  [ -n "${BESTAND[$doel]:-}" ] || { echo "onbekend doel: $doel (kies uit ${!BESTAND[*]})" >&2; exit 1; }
  echo "== $doel: ${BESTAND[$doel]}"
  rm -f .mutmut-cache
  extra=()
  if [ -n "${DEEL[$doel]:-}" ]; then
    # shellcheck disable=SC2086
    maak_patch "${DEEL[$doel]}" ${BESTAND[$doel]} > "$werk/$doel.patch"
    extra=(--use-patch-file "$werk/$doel.patch")
  fi
  runner="$PY -m pytest -x -q -p no:cacheprovider -p no:xdist ${TESTS[$doel]}"
  limiet=()
  [ -n "${MUTATIE_TIJD:-}" ] && limiet=(timeout --signal=INT --kill-after=20 "$MUTATIE_TIJD")
  begin=$(date +%s)
  "${limiet[@]}" "$TOOL/bin/mutmut" run --paths-to-mutate "$(echo "${BESTAND[$doel]}" | tr ' ' ',')" \
    --tests-dir tests --runner "$runner" --no-progress "${extra[@]}" >"$werk/$doel.log" 2>&1 || rc=$?
  if [ "${rc:-0}" -eq 1 ]; then echo "   mutmut stopte met een fout:"; tail -n 30 "$werk/$doel.log"; fi
  rc=0
  echo "   $(( $(date +%s) - begin )) s"
  # restore the copy first: an interrupted run may leave a mutant in place
  for f in ${BESTAND[$doel]}; do cp "$ROOT/$f" "$werk/$f"; done
  "$TOOL/bin/mutmut" results | sed 's/^/   /'
  overlevers=$("$TOOL/bin/mutmut" result-ids survived 2>/dev/null || true)
  for id in $overlevers; do
    echo "--- overlever $id"
    "$TOOL/bin/mutmut" show "$id"
    totaal=$((totaal + 1))
  done
done
echo "== overlevende mutanten: $totaal"
