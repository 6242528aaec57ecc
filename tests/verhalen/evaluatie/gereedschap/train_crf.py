"""Train the learned labeller of ages, organisations and names (verhalen/crf_herkenner.py) on every
development set and write verhalen/data/crf_persoonsgegevens.crfsuite:

    python tests/verhalen/evaluatie/gereedschap/train_crf.py

Only development sets: a test set (meet_evaluatie.UNSEEN) is never read here, so the scores
on it stay scores on notes the labeller never saw. Training is deterministic (L-BFGS from
zero): the same sets give the same model file. The file is part of the hash of the rule set
(verhalen.publicatie), so stories published with an older model are published again.
"""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "verhalen")]

import meet_evaluatie as me  # noqa: E402

from verhalen import crf_herkenner  # noqa: E402

DEVELOPMENT = [half for half in me.HALVES if half not in me.UNSEEN]


def main() -> None:
    notes = [(n["tekst"], n["spans"]) for half in DEVELOPMENT for n in me.load(half)]
    target = REPO / "verhalen" / "data" / crf_herkenner.MODEL
    crf_herkenner.train(notes, str(target))
    print(f"{len(notes)} notities uit {', '.join(DEVELOPMENT)} -> {target.relative_to(REPO)} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
