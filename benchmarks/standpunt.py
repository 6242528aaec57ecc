"""Benchmark: the stance classifier (verhalen.standpunt) on the labelled examples.

Accuracy and per-label precision / recall on the tuning half ('ontwikkel') and, with
``--toets``, on the held-out half. The held-out half is for reading aggregate numbers only:
never tune on it, never look at its stories.

Run: python benchmarks/standpunt.py [--toets]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from verhalen.codeboek import zrm_codeboek
from verhalen.standpunt import bepaal_standpunt, evalueer, voorbeelden_uit_jsonl

MAP = Path(__file__).resolve().parents[1] / "tests" / "verhalen" / "standpunt"


def meet(helft: str):
    ids = json.loads((MAP / "splitsing.json").read_text(encoding="utf-8"))[helft]
    verhalen, verwacht = voorbeelden_uit_jsonl((MAP / "voorbeelden.jsonl").read_text(encoding="utf-8"), ids)
    voorspeld = bepaal_standpunt(verhalen, codeboek=zrm_codeboek())
    return evalueer(voorspeld, verwacht)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--toets", action="store_true", help="also measure on the held-out half")
    a = p.parse_args()
    for helft in ("ontwikkel", "toets") if a.toets else ("ontwikkel",):
        print(f"== {helft} ==")
        print(meet(helft).round(3).to_string(index=False))


if __name__ == "__main__":
    main()
