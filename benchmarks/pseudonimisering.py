"""Recall and precision of pseudonymisation per identifier kind.

    python benchmarks/pseudonimisering.py [--missers N]

First the independent evaluation set (tests/verhalen/evaluatie, written and annotated by
someone who never saw the detector code; rules in tests/verhalen/meet_evaluatie.py): the
per-kind table of the development half ('ontwikkel', tuned on), of the extra development
notes ('ontwikkel_extra', tuned on), of the second independent development set
('ontwikkel_2', 57 notes by another writer who never saw the code, tuned on after it was
measured, see its VOORMETING.md), of the third such set ('ontwikkel_3', 50 notes by a third
writer, aimed at ages, organisations and decoys) and of the unseen half ('toets', never tuned
on), labelled.

Measured on 2026-12-02 after tuning on ontwikkel_3, _4 and _5 (toets, 36 notes): BSN, phone,
e-mail, IBAN, address, postcode, date 1.000; names 0.981 (152/155, target 0.98); ages 0.889 (24/27,
target 0.90; was 0.815); organisations 0.903 (28/31, target 0.90; was 0.839); decoys kept 0.949
(74/78, target 0.95); ordinary words kept 0.999. The second unseen set (toets_2, 50 notes by a
fifth writer, never read note by note): names 0.975, addresses 0.973, ages 0.826, organisations
0.823, decoys kept 0.969, the rest 1.000 (first measured before ontwikkel_5: ages 0.817,
organisations 0.812).
ontwikkel_2 before tuning on it: names 0.884 and 0.934, ages 0.958 and 0.843, organisations
0.895 and 0.794, decoys 0.966 and 0.903 (first 20 notes, then the other 37). ontwikkel_3 before
tuning on it: names 0.979, addresses 0.944, ages 0.636, organisations 0.771, decoys 0.936. Median time per
story on the old corpus, printed on 2026-12-02 with the machine idle: 4.0 ms (deduce alone 1.5 ms, ratio 2.7;
2.0 before the rules of the third to fifth sets).

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
    for half, label in (
        ("ontwikkel", "ONTWIKKEL (afgestemd)"),
        ("ontwikkel_extra", "ONTWIKKEL_EXTRA (eigen extra ontwikkelnotities, afgestemd)"),
        ("ontwikkel_2", "ONTWIKKEL_2 (tweede onafhankelijke ontwikkelset, afgestemd)"),
        ("ontwikkel_3", "ONTWIKKEL_3 (derde onafhankelijke ontwikkelset, afgestemd)"),
        ("ontwikkel_4", "ONTWIKKEL_4 (vierde onafhankelijke ontwikkelset, afgestemd)"),
        ("ontwikkel_5", "ONTWIKKEL_5 (vijfde onafhankelijke ontwikkelset, afgestemd)"),
        ("toets", "TOETS (ongezien)"),
        ("toets_2", "TOETS_2 (tweede ongeziene set)"),
    ):
        print(f"\n== Onafhankelijke evaluatieset, {label} ==")
        print(meet_evaluatie.measure(half, Pseudonymizer(deduce=deduce)).table())
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
