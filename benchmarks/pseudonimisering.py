"""Recall and precision of pseudonymisation per identifier kind.

    python benchmarks/pseudonimisering.py [--missers N]

First every set of the independent evaluation material (tests/verhalen/evaluatie, written and
annotated by writers who never saw the detector code; sets and matching rules in
tests/verhalen/meet_evaluatie.py): the development sets (tuned on, each measured before
tuning: its VOORMETING.md) and the unseen sets 'toets' to 'toets_10' (never read note by note,
never tuned on, never used to train the learned labeller).

Measured on 2026-12-03 after the rounds on ontwikkel_14 to ontwikkel_17 (with the learned
labeller of verhalen/crf_herkenner.py, now also of names, trained on the seventeen development
sets), in the order toets / toets_2 / ... / toets_10 (toets_7 to toets_10 written during that
round and measured once, after its last rule): names 0.981 / 0.994 / 0.973 / 0.981 / 0.975 /
0.990 / 0.993 / 0.971 / 0.988 / 0.989 (3073 of 3127, 0.983; on toets_7 to toets_10 the rules
of the round's start found 0.978, its end 0.984); addresses 1.000 / 0.973 / 0.978 / 0.947 /
0.972 / 1.000 / 0.951 / 0.929 / 0.977 / 0.973; ages 1.000 / 0.917 / 0.946 / 0.936 / 0.986 /
0.935 / 0.933 / 0.925 / 0.988 / 0.943; organisations 0.935 / 0.917 / 0.933 / 0.949 / 0.913 /
0.896 / 0.925 / 0.943 / 0.959 / 0.895; decoys kept 0.949 / 0.981 / 0.964 / 0.958 / 0.950
(189/199, just under 0.95) / 0.972 / 0.980 / 0.961 / 0.930 / 0.982. BSN, phone, e-mail, IBAN
and dates 1.000 on all ten. Median time per story on the old corpus: 7.9 ms (deduce alone
1.9 ms, ratio 4.1; load average 0.8).

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
