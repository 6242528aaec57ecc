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
#   MUTATIE_HERGEBRUIK=1 bash scripts/mutatie.sh rci  # after adding tests: re-run only the last
#                                                 # run's survivors (same code, same selection)
#
# Targets: rci, keerpunten, onthulling and onthulling_lp (one table, and its audit), kubus (the publication-wide lattice and its
# audit), import (the write transaction only), kostenbaten (the
# defaults only), pseudonimisering (the entry points: verhalen.publicatie.publiceer and
# gepubliceerd, Pseudonymizer.pseudonymize and detect with its merging; not every pattern of
# verhalen/herkenners/), zinnen, ronde10 and ronde11 (the helpers of the rounds on names, look-alikes, streets and organisations). mutmut (PyPI, 2.x) goes into $IMPACT_CACHE/mutatie-venv (default
# .cache/mutatie-venv); the tests run with the project's .venv (in a git worktree without one:
# the main checkout's). Work happens in a temporary copy of the working tree: the repository
# itself is never modified.
#
# A mutant counts as killed when pytest exits with anything but 0: mutmut 2.5 itself only
# counts exit code 1 (failed tests), so a mutant that breaks the import of a module (pytest
# exit 2, a collection error) would be reported as surviving. An interrupted run (Ctrl-C,
# MUTATIE_TIJD) leaves its last mutant as surviving, never as killed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HOOFD=$(cd "$(git rev-parse --git-common-dir)/.." && pwd)  # the main checkout (= ROOT outside a worktree)
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY="$HOOFD/.venv/bin/python"
[ -x "$PY" ] || { echo "eerst: bash scripts/testen.sh --alleen-installeren" >&2; exit 1; }
[ -d "$ROOT/.cache" ] || [ -n "${IMPACT_CACHE:-}" ] || IMPACT_CACHE="$HOOFD/.cache"
TOOL="${IMPACT_CACHE:-$ROOT/.cache}/mutatie-venv"
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
# (test_afronden without the tests that write whole reports: 40 s per mutant, and they check
# the reports, not these functions)
TESTS[onthulling]="tests/beproeving/test_drempels.py tests/beproeving/test_onthulling_audit.py tests/rapporten/test_onthulling.py tests/rapporten/test_afronden.py"
for t in every_published_count_is_a_multiple_of_five the_reach_table_shows_the_data_rounded_to_fives \
         spreadsheet_counts_are_rounded_too shares_are_rounded_counts_over_rounded_counts \
         the_report_says_once_that_counts_are_rounded default_reports_still_suppress \
         cli_refuses_a_rounding_base_other_than_five_in_dutch cli_writes_a_rounded_report_matching_the_database; do
  TESTS[onthulling]+=" --deselect=tests/rapporten/test_afronden.py::test_$t"
done
DEEL[onthulling]="klein onderdrukt afgerond _rond afrondingsinterval aandeel wat_de_lezer_weet beschermd vastgelegd kruistabel _secundair _vergelijkingen _interval"
# the rest of the same file as a target of its own: when one run selects both halves, mutmut
# 2.5 stops halfway with "assert line" (its cache no longer finds a line it mutated)
BESTAND[onthulling_lp]=${BESTAND[onthulling]}
TESTS[onthulling_lp]=${TESTS[onthulling]}
DEEL[onthulling_lp]="_als_ongelijkheden _controleer_met_lp aandelen reden per_groep controleer"
BESTAND[kubus]=rapporten/kubus.py
TESTS[kubus]="tests/beproeving/test_kubus_audit.py"
DEEL[kubus]="_leden bouw _beschermd cel _lezer _bereik _bepaald _open_als_kruisje _verwant _vergelijkingen _deel_van _regel _beschermen"
BESTAND[import]=impact/io/importer.py
TESTS[import]="tests/beproeving/test_import_transactie.py tests/impact/test_import_schrijven.py tests/impact/test_import.py"
DEEL[import]="_insert _write _organisation_ids"  # the write transaction
BESTAND[kostenbaten]="modellen/kostenbaten/casus.py modellen/kostenbaten/programma.py"
TESTS[kostenbaten]="tests/beproeving/test_drempels.py tests/modellen/kostenbaten/test_programma.py tests/modellen/kostenbaten/test_casus.py"
DEEL[kostenbaten]="regex:DISCONTOVOET|discontovoet|PRIJSPEIL|standaard="  # only lines with a default
BESTAND[pseudonimisering]="verhalen/publicatie.py verhalen/pseudonimisering.py"
TESTS[pseudonimisering]="tests/verhalen/test_publicatie_opslag.py tests/verhalen/test_pseudonimisering.py tests/rapporten/test_gepubliceerd.py"
DEEL[pseudonimisering]="publiceer gepubliceerd _weiger pseudonymize detect _merge_overlapping"
# the helpers of session 9's rounds on names, organisations and look-alikes (not every pattern)
BESTAND[zinnen]="verhalen/herkenners/namen.py verhalen/herkenners/organisaties.py verhalen/herkenners/publiek.py verhalen/pseudonimisering.py"
TESTS[zinnen]="tests/verhalen/test_herkenners_zinnen.py tests/verhalen/test_pseudonimisering.py tests/verhalen/test_herkenners.py"
DEEL[zinnen]="_named_again _without_place_after _two_words _joined river_spans shop_spans _without_time _without_leading_word _cut_before_public"
# the helpers of session 10's round: an article or adjective before a word-name, every word after
# a title, an age after a name, what no learned name is (the model's retraining test deselected:
# it checks the model file, not these helpers)
BESTAND[ronde10]="verhalen/herkenners/namen.py verhalen/herkenners/leeftijden.py verhalen/crf_herkenner.py"
TESTS[ronde10]="tests/verhalen/test_herkenners_zinnen.py tests/verhalen/test_crf_herkenner.py --deselect=tests/verhalen/test_crf_herkenner.py::test_shipped_model_is_what_the_development_sets_train"
DEEL[ronde10]="_noun_before _after_titles ages_after_names _no_name COMMON_BASE"
# session 11: what is part of a street's name, an abbreviated street, the town's adjective before
# an organisation, a shop named as work, initials that are none, first names joined by a hyphen
BESTAND[ronde11]="verhalen/herkenners/adressen.py verhalen/herkenners/organisaties.py verhalen/herkenners/publiek.py verhalen/herkenners/namen.py"
TESTS[ronde11]="tests/verhalen/test_herkenners_zinnen.py tests/verhalen/test_surrogaten.py"
DEEL[ronde11]="_part_of_street_name _unabbreviated _with_place_adjective named_as_work _no_initials _hyphenated_lowercase"

doelen=("$@")
[ ${#doelen[@]} -gt 0 ] || doelen=(rci keerpunten onthulling onthulling_lp kubus import kostenbaten pseudonimisering zinnen ronde10 ronde11)

werk=$(mktemp -d "${TMPDIR:-/tmp}/mutatie.XXXXXX")
bewaard=""
# an interrupted run (Ctrl-C, kill, MUTATIE_TIJD) keeps what it measured: MUTATIE_HERGEBRUIK=1
# goes on from there instead of starting again
trap '[ -n "$bewaard" ] && [ -f "$werk/.mutmut-cache" ] && mkdir -p "$(dirname "$bewaard")" && cp "$werk/.mutmut-cache" "$bewaard"; rm -rf "$werk"' EXIT
# a copy of the working tree as it is now (tracked and new files, uncommitted changes included)
git ls-files -co --exclude-standard -z | (cd "$ROOT" && xargs -0 cp --parents -t "$werk" 2>/dev/null || true)
cd "$werk"
export PYTHONPATH="$werk"  # the copy's modules, with the mutant in them, never the repository's
export IMPACT_CACHE="${IMPACT_CACHE:-$ROOT/.cache}" IMPACT_HYPOTHESIS_VOORBEELDEN="${IMPACT_HYPOTHESIS_VOORBEELDEN:-100}"
# the test command mutmut runs: any failure of pytest (a failed test, a module that no longer
# imports, no tests collected) becomes exit code 1, the only code mutmut 2.5 counts as killed.
# A mutant that makes the tests run past $MUTATIE_LIMIET seconds (five times the unmutated run,
# at least 60 s) is killed too: it would hang a user's command. The limit is ours because
# mutmut's own timeout kills only this shell, and pytest, still holding mutmut's output pipe,
# would keep mutmut waiting until it finished by itself (minutes per mutant on an endless loop).
cat > "$werk/pytest-doodt.sh" <<'EOF'
trap 'exit 130' INT TERM  # interrupted: not killed (mutmut shows it as surviving)
timeout --kill-after=5 "$MUTATIE_LIMIET" "$@"
[ $? -eq 0 ] || exit 1
EOF

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
    # an "Index:" line before each file and paths without a/ b/: mutmut's patch reader
    # (whatthepatch) otherwise runs the files of a multi-file patch together into the first
    print(f"Index: {pad}\n{'=' * 67}\n--- {pad}\n+++ {pad}")
    for i in kies:  # one hunk per line: the line is "added" to an otherwise identical file
        print(f"@@ -{i},0 +{i + 1},1 @@\n+{regels[i]}")
EOF
}

totaal=0
for doel in "${doelen[@]}"; do
  if [[ "$doel" == *=* ]]; then DEEL[${doel%%=*}]=${doel#*=}; doel=${doel%%=*}; fi
  [ -n "${BESTAND[$doel]:-}" ] || { echo "onbekend doel: $doel (kies uit ${!BESTAND[*]})" >&2; exit 1; }
  echo "== $doel: ${BESTAND[$doel]}"
  # each run's results are kept per target and code (the mutated files, the selection, the tests
  # named): MUTATIE_HERGEBRUIK=1 starts from the last run of the same code, so that only its
  # survivors (and untested mutants) run again against the tests as they are now; a killed
  # mutant stays killed (mutmut's own rule: tests only grow)
  sleutel=$(cat ${BESTAND[$doel]} <(echo "${DEEL[$doel]:-}|${TESTS[$doel]}") | sha256sum | cut -c1-12)
  bewaard="$IMPACT_CACHE/mutatie/$doel-$sleutel.mutmut-cache"
  rm -f .mutmut-cache
  if [ "${MUTATIE_HERGEBRUIK:-0}" = 1 ] && [ -f "$bewaard" ]; then
    cp "$bewaard" .mutmut-cache
    echo "   verder met de vorige run van deze code ($bewaard)"
  fi
  extra=()
  if [ -n "${DEEL[$doel]:-}" ]; then
    # shellcheck disable=SC2086
    maak_patch "${DEEL[$doel]}" ${BESTAND[$doel]} > "$werk/$doel.patch"
    extra=(--use-patch-file "$werk/$doel.patch")
  fi
  tests="$PY -m pytest -x -q -p no:cacheprovider -p no:xdist ${TESTS[$doel]}"
  begin=$(date +%s)
  # shellcheck disable=SC2086
  $tests >"$werk/$doel.basis.log" 2>&1 || { echo "   de tests falen al zonder mutant:"; tail -n 20 "$werk/$doel.basis.log"; continue; }
  basis=$(( $(date +%s) - begin ))
  export MUTATIE_LIMIET=$(( basis * 5 > 60 ? basis * 5 : 60 ))
  echo "   tests zonder mutant: $basis s; een mutant die ze langer dan $MUTATIE_LIMIET s laat duren telt als gedood"
  runner="bash $werk/pytest-doodt.sh $tests"
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
  mkdir -p "$(dirname "$bewaard")" && cp .mutmut-cache "$bewaard"
  "$TOOL/bin/mutmut" results | sed 's/^/   /'
  overlevers=$("$TOOL/bin/mutmut" result-ids survived 2>/dev/null || true)
  for id in $overlevers; do
    echo "--- overlever $id"
    "$TOOL/bin/mutmut" show "$id"
    totaal=$((totaal + 1))
  done
done
echo "== overlevende mutanten: $totaal"
