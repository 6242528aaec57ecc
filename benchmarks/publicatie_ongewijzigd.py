"""Whether the published text of every demo story stays byte-identical, and where the time goes.

    python benchmarks/publicatie_ongewijzigd.py --schrijf /tmp/voor.json     # before a change
    python benchmarks/publicatie_ongewijzigd.py --vergelijk /tmp/voor.json   # after it
    python benchmarks/publicatie_ongewijzigd.py --profiel 25                 # top 25 functions

Builds the demo world of ``impact demo`` (seed 2026, 2,000 clients), publishes every story
and case description as at ingest (:func:`verhalen.publicatie.publiceer`) and writes or
compares the published title and text per story (and per case description). A speed change
of the detectors must leave every one of them as it was. It also compares what our own
detectors find (without deduce, as raw detections, and as placeholder text with the known
identities) in the development notes of the evaluation set and in the old self-generated
corpus: texts the demo's sentences do not cover. (Never the unseen 'toets' half.) Prints the time of the publishing
step (deduce loaded beforehand, so not counted) and the median milliseconds per story.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("IMPACT_CACHE", str(ROOT / ".cache"))

from impact.demo import generate  # noqa: E402
from verhalen import publicatie  # noqa: E402
from verhalen.deduce_instance import get_deduce  # noqa: E402
from verhalen.pseudonimisering import Pseudonymizer  # noqa: E402


class _TimedPseudonymizer(Pseudonymizer):
    """The same pseudonymiser, timing each call (one call per story text or title)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.times: list[float] = []

    def pseudonymize(self, text, *args, **kwargs):
        start = time.perf_counter()
        try:
            return super().pseudonymize(text, *args, **kwargs)
        finally:
            if text.strip():
                self.times.append(time.perf_counter() - start)


def published(profile: cProfile.Profile | None = None) -> tuple[dict[str, list[str]], list[float], float]:
    world = generate(seed=2026, n_clients=2000)
    places = publicatie._plaatsen(world.verhalen, world.clienten)
    pseudonymizer = _TimedPseudonymizer(dates="maand", public_places=places, deduce=get_deduce())
    start = time.perf_counter()
    if profile is not None:
        profile.enable()
    publicatie.publiceer(world, pseudonymizer=pseudonymizer)
    if profile is not None:
        profile.disable()
    seconds = time.perf_counter() - start
    out: dict[str, list[str]] = {}
    for row in world.verhalen.itertuples(index=False):
        out[f"verhaal {row.verhaal_id}"] = [str(row.titel_publicatie), str(row.tekst_publicatie)]
    for i, case in enumerate(world.casussen if isinstance(world.casussen, list) else []):
        out[f"casus {i}"] = ["", str(case.get(publicatie.CASUS_TEKST))]
    return out, pseudonymizer.times, seconds


def corpora() -> dict[str, list[str]]:
    """Own detectors (no deduce) on the development notes and the old corpus."""
    sys.path.insert(0, str(ROOT / "tests" / "verhalen"))
    sys.path.insert(0, str(ROOT / "tests" / "verhalen" / "corpus"))
    import evaluatie
    import meet_evaluatie

    own = Pseudonymizer(use_deduce=False)
    out: dict[str, list[str]] = {}
    for half in (h for h in meet_evaluatie.HALVES if h != "toets"):
        for note in meet_evaluatie.load(half):
            found = sorted(own.detect_all(note["tekst"]), key=lambda d: (d.start, d.end, d.kind, d.source))
            out[f"notitie {half} {note['id']}"] = [repr(d) for d in found]
    for story in evaluatie.load():
        result = own.pseudonymize(story["tekst"], story["identiteiten"], client_key=story["client_key"])
        out[f"corpus {story['verhaal_id']}"] = [result.text, *map(repr, result.replacements)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--schrijf", type=Path, help="schrijf de gepubliceerde teksten naar dit bestand")
    group.add_argument("--vergelijk", type=Path, help="vergelijk met een eerder geschreven bestand")
    group.add_argument("--profiel", type=int, metavar="N", help="toon de N duurste functies (cProfile)")
    args = parser.parse_args()

    get_deduce()
    profile = cProfile.Profile() if args.profiel else None
    texts, times, seconds = published(profile)
    if profile is None:
        texts |= corpora()
    print(
        f"{len(texts)} teksten gepubliceerd in {seconds:.1f} s; mediaan "
        f"{1000 * statistics.median(times):.2f} ms per verhaal ({len(times)} aanroepen)"
    )
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profiel)
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profiel)
    elif args.schrijf:
        args.schrijf.write_text(json.dumps(texts, ensure_ascii=False, indent=0), "utf-8")
        print(f"geschreven: {args.schrijf}")
    else:
        before = json.loads(args.vergelijk.read_text("utf-8"))
        changed = sorted(k for k in before.keys() | texts.keys() if before.get(k) != texts.get(k))
        for key in changed[:20]:
            print(f"ANDERS {key}:\n  voor: {before.get(key)!r}\n  na:   {texts.get(key)!r}")
        print(f"{len(texts)} teksten vergeleken: {len(changed)} anders")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
