"""Recall and precision of pseudonymisation per identifier kind.

    python benchmarks/pseudonimisering.py [--missers N]

First every set of the independent evaluation material (tests/verhalen/evaluatie, written and
annotated by writers who never saw the detector code; sets and matching rules in
tests/verhalen/meet_evaluatie.py): the development sets (tuned on, each measured before
tuning: its VOORMETING.md) and the unseen sets 'toets' to 'toets_14' (never read note by note,
never tuned on, never used to train the learned labeller); then all unseen sets together, the
unseen half, where the targets of issue 10 apply.

Measured on 2026-12-03 after the round on ontwikkel_18 and ontwikkel_19 (toets_11 to toets_14
written during that round), on the whole unseen half (576 notes): names 0.985 (4394 of 4460),
addresses 0.970 (553 of 570), ages 0.952, organisations 0.937, decoys kept 0.964, ordinary
words kept 0.998; BSN, phone, e-mail, IBAN, postcodes and dates 1.000. Per set still under a
target: names on toets_5, toets_8, toets_13 (0.973 to 0.979), addresses on toets_4, toets_8,
toets_12, toets_14 (0.929 to 0.970), organisations on toets_6 (0.896), decoys on toets_9
(0.930). On toets_11 to toets_14 together the round's first rules found 0.953 of the
addresses, its last 0.970. Median time per story on the old corpus: 8.2 ms (deduce alone
2.0 ms, ratio 4.1; load average 0.5).

Then the old self-generated corpus, a regression set:

Compares our Pseudonymizer (deduce + own detectors + the client's known identities) with
deduce on its own (given the client's name as patient metadata), on
tests/verhalen/corpus/corpus.jsonl (see tests/verhalen/corpus/maak_corpus.py). Also prints
the median time per story, measured in the same run for both.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "verhalen" / "corpus"))
os.environ.setdefault("IMPACT_CACHE", str(ROOT / ".cache"))

import evaluatie  # noqa: E402

sys.path.insert(0, str(ROOT / "tests" / "verhalen"))
import meet_evaluatie  # noqa: E402
import pandas as pd  # noqa: E402

from verhalen.deduce_instance import get_deduce  # noqa: E402
from verhalen.pseudonimisering import Pseudonymizer  # noqa: E402


def timed(spans_for):
    times: list[float] = []

    def wrapper(story):
        start = time.perf_counter()
        out = spans_for(story)
        times.append(time.perf_counter() - start)
        return out

    return wrapper, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--missers", type=int, default=15, help="toon zoveel gemiste voorbeelden")
    args = parser.parse_args()

    start = time.perf_counter()
    deduce = get_deduce()
    print(f"deduce geladen in {time.perf_counter() - start:.1f} s (cache: IMPACT_CACHE)")
    unseen_measures = []
    for half in meet_evaluatie.HALVES:
        unseen = half in meet_evaluatie.UNSEEN
        label = half.upper() + (" (ongezien: alleen als geheel gemeten)" if unseen else " (ontwikkelset, afgestemd)")
        print(f"\n== Onafhankelijke evaluatieset, {label} ==")
        measured = meet_evaluatie.measure(half, Pseudonymizer(deduce=deduce))
        print(measured.table())
        if unseen:
            unseen_measures.append(measured)
    print("\n== De hele ongeziene helft: alle toetssets samen (hier gelden de doelen) ==")
    print(meet_evaluatie.pooled(unseen_measures).table())
    print("\n== Oud, zelf gegenereerd corpus (regressieset) ==")
    stories = evaluatie.load()
    n_labels = sum(len(s["labels"]) for s in stories)
    print(f"corpus: {len(stories)} verhalen, {n_labels} gelabelde identificatoren\n")

    ours, ours_times = timed(evaluatie.pseudonymizer_spans(Pseudonymizer(deduce=deduce)))
    base, base_times = timed(evaluatie.deduce_spans(deduce))
    result = evaluatie.evaluate(stories, ours)
    baseline = evaluatie.evaluate(stories, base)

    table = result.recall.merge(
        baseline.recall[["soort", "recall"]].rename(columns={"recall": "recall_deduce"}),
        on="soort",
    )
    pd.set_option("display.width", 120)
    print("Recall per soort (label):")
    print(table.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    total = result.recall[["n", "gevonden"]].sum()
    total_base = baseline.recall[["n", "gevonden"]].sum()
    print(
        f"totaal: {total.gevonden / total.n:.3f} (deduce alleen: "
        f"{total_base.gevonden / total_base.n:.3f})\n"
    )
    print("Precisie per soort (vervanging):")
    print(result.precision.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    p = result.precision[["n", "juist"]].sum()
    pb = baseline.precision[["n", "juist"]].sum()
    print(f"totaal: {p.juist / p.n:.3f} (deduce alleen: {pb.juist / pb.n:.3f})\n")
    ratio = statistics.median(ours_times) / statistics.median(base_times)
    print(
        f"mediane tijd per verhaal: {1000 * statistics.median(ours_times):.1f} ms "
        f"(deduce alleen {1000 * statistics.median(base_times):.1f} ms, ratio {ratio:.1f})\n"
    )
    print(f"Gemist ({len(result.missed)}), eerste {args.missers}:")
    for verhaal_id, kind, text in result.missed[: args.missers]:
        print(f"  {verhaal_id} {kind:18} {text!r}")


if __name__ == "__main__":
    main()
