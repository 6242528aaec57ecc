"""Recall and precision of pseudonymisation on the labelled corpus (shared by test and benchmark).

A label counts as found when every non-space character of it lies inside some replaced
span (a larger replacement, e.g. 'mevrouw Jansen' for the label 'Jansen', is fine). A
replacement counts as correct when it overlaps at least one label.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

CORPUS = Path(__file__).with_name("corpus.jsonl")

Spans = list[tuple[int, int, str]]


def load(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@dataclass
class Outcome:
    recall: pd.DataFrame  # kind, n, gevonden, recall
    precision: pd.DataFrame  # kind, n, juist, precisie
    missed: list[tuple[str, str, str]]  # verhaal_id, kind, text


def covered(text: str, start: int, end: int, spans: Iterable[tuple[int, int, str]]) -> bool:
    mask = [False] * (end - start)
    for s, e, _ in spans:
        for i in range(max(s, start), min(e, end)):
            mask[i - start] = True
    return all(m or text[start + i].isspace() for i, m in enumerate(mask))


def evaluate(stories: list[dict], spans_for: Callable[[dict], Spans]) -> Outcome:
    found: dict[str, list[int]] = {}
    correct: dict[str, list[int]] = {}
    missed = []
    for story in stories:
        spans = spans_for(story)
        text = story["tekst"]
        for start, end, kind, value in story["labels"]:
            hit = covered(text, start, end, spans)
            found.setdefault(kind, []).append(hit)
            if not hit:
                missed.append((story["verhaal_id"], kind, value))
        for s, e, kind in spans:
            ok = any(s < le and ls < e for ls, le, _, _ in story["labels"])
            correct.setdefault(kind, []).append(ok)
    recall = pd.DataFrame(
        [(k, len(v), sum(v), sum(v) / len(v)) for k, v in sorted(found.items())],
        columns=["soort", "n", "gevonden", "recall"],
    )
    precision = pd.DataFrame(
        [(k, len(v), sum(v), sum(v) / len(v)) for k, v in sorted(correct.items())],
        columns=["soort", "n", "juist", "precisie"],
    )
    return Outcome(recall, precision, missed)


def pseudonymizer_spans(pseudonymizer) -> Callable[[dict], Spans]:
    def spans(story: dict) -> Spans:
        result = pseudonymizer.pseudonymize(
            story["tekst"], story["identiteiten"], client_key=story["client_key"]
        )
        return [(r.start, r.end, r.kind) for r in result.replacements]

    return spans


def deduce_spans(deduce) -> Callable[[dict], Spans]:
    """Baseline: deduce on its own, given the client's name as its patient metadata."""
    from deduce.person import Person

    def spans(story: dict) -> Spans:
        ids = dict((s, w) for s, w in story["identiteiten"] if s in ("voornaam", "achternaam"))
        patient = Person(first_names=[ids["voornaam"]], surname=ids["achternaam"])
        doc = deduce.deidentify(story["tekst"], metadata={"patient": patient})
        return [(a.start_char, a.end_char, a.tag) for a in doc.annotations]

    return spans
