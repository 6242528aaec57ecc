"""Ages, organisations and names the hand-written patterns of :mod:`verhalen.herkenners`
miss, found by a learned sequence labeller (a conditional random field, python-crfsuite).

The patterns know the contexts someone wrote down; notes by other writers put an age, an
employer or a name in contexts nobody listed ('leeftijd? 15 zegt ze', 'bij de Hoogvliet',
'hing weer met sjenna rond'). The labeller
weighs the words around a token, its shape and the name lists, learned from the independent
development sets under ``tests/verhalen/evaluatie`` (never from a test set:
``tests/verhalen/evaluatie/gereedschap/train_crf.py``). Its detections are added to the
patterns' and only where it is sure (:data:`ZEKERHEID`): a guess replaces an ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pycrfsuite

from verhalen import herkenners as h
from verhalen.herkenners import Detection, woorden

MODEL = "crf_persoonsgegevens.crfsuite"  # in verhalen/data
ZEKERHEID = 0.9  # the labeller's probability of a token's label before it is replaced
SOORTEN = {
    "LEEFTIJD": ("AGE", h.LEEFTIJD),
    "ORGANISATIE": ("ORG", h.INSTELLING),
    "PERSOON": ("PER", h.PERSOON),
}
_KIND_OF_LABEL = {label: kind for label, kind in SOORTEN.values()}
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
Token = tuple[int, int, str]


def tokens(text: str) -> list[Token]:
    """(start, end, text) of each word or punctuation mark."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


_SHAPE = str.maketrans(
    {
        **{c: "X" for c in map(chr, range(0x41, 0x5B))},
        **{c: "X" for c in map(chr, range(0xC0, 0xDE))},
        **{c: "x" for c in map(chr, range(0x61, 0x7B))},
        **{c: "x" for c in map(chr, range(0xDF, 0x100))},
        **{c: "d" for c in "0123456789"},
    }
)
_REPEAT = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    """'Jansen' -> 'Xxx', '16' -> 'dd', 'J.W.' -> 'X.X.': a run of one kind is kept as two."""
    return _REPEAT.sub(r"\1\1", word.translate(_SHAPE))


def features(text: str, toks: list[Token]) -> list[dict[str, float]]:
    """Per token: the word, its shape and affixes, whether it is a number (and its decade),
    in a name list, a public body or a place, and the words up to three tokens around it."""
    first, last = woorden.first_names_folded(), woorden.surnames_folded()
    public, everyday = woorden.public_folded(), woorden.everyday_words()
    lowered = [w.lower() for _, _, w in toks]
    shapes = [_shape(w) for _, _, w in toks]
    out = []
    for i, (start, _, word) in enumerate(toks):
        low, folded = lowered[i], h.fold(word)
        f = {"w=" + low: 1.0, "vorm=" + shapes[i]: 1.0, "eind=" + low[-3:]: 1.0, "begin=" + low[:3]: 1.0}
        value = None if word.isdigit() and len(word) > 3 else h.number_value(word)
        if value is not None:
            f["getal"] = 1.0
            f[f"tiental={min(value // 10, 12)}"] = 1.0
            if not word.isdigit():
                f["getalwoord"] = 1.0
        if word[:1].isupper():
            f["hoofdletter"] = 1.0
        if word.isupper() and len(word) > 1:
            f["kapitalen"] = 1.0
        for name, words in (
            ("voornaam", first),
            ("achternaam", last),
            ("publiek", public),
            ("gewoon", everyday),
        ):
            if folded in words:
                f[name] = 1.0
        if woorden.is_place_name(word):
            f["plaats"] = 1.0
        if not text[text.rfind("\n", 0, start) + 1 : start].strip():
            f["regelbegin"] = 1.0
        for offset in (-3, -2, -1, 1, 2, 3):
            j = i + offset
            f[f"{offset}w=" + (lowered[j] if 0 <= j < len(toks) else "<>")] = 1.0
            if abs(offset) == 1 and 0 <= j < len(toks):
                f[f"{offset}vorm=" + shapes[j]] = 1.0
        if i:
            f["paar=" + lowered[i - 1] + "|" + low] = 1.0
        out.append(f)
    return out


def labels(toks: list[Token], spans: Iterable[dict]) -> list[str]:
    """BIO labels of the annotated spans (``start``, ``end``, ``soort``) of :data:`SOORTEN`."""
    spans = [s for s in spans if s["soort"] in SOORTEN]
    out = []
    for start, end, _ in toks:
        span = next((s for s in spans if s["start"] <= start and end <= s["end"]), None)
        label = (
            "O" if span is None else ("B-" if start == span["start"] else "I-") + SOORTEN[span["soort"]][0]
        )
        out.append(label)
    return out


def train(notes: Iterable[tuple[str, list[dict]]], path: str) -> None:
    """Train the labeller on (text, annotated spans) and write the model to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, spans in notes:
        toks = tokens(text)
        trainer.append(features(text, toks), labels(toks, spans))
    trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True})
    trainer.train(path)


@lru_cache(maxsize=1)
def _tagger() -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    with resources.as_file(resources.files("verhalen.data").joinpath(MODEL)) as path:
        tagger.open(str(path))
    return tagger


def find_learned(text: str) -> list[Detection]:
    """Ages, organisations and names the labeller is sure of (each token at least :data:`ZEKERHEID`)."""
    toks = tokens(text)
    if not toks:
        return []
    tagger = _tagger()
    predicted = tagger.tag(features(text, toks))
    found: list[Detection] = []
    current: list | None = None  # [start, end, label]
    for i, ((start, end, _), label) in enumerate(zip(toks, predicted, strict=True)):
        sure = label != "O" and tagger.marginal(label, i) >= ZEKERHEID
        if sure and label.startswith("I-") and current and current[2] == label[2:]:
            current[1] = end
            continue
        if current:
            found.append(current)
        current = [start, end, label[2:]] if sure else None
    if current:
        found.append(current)
    learned = [Detection(s, e, _KIND_OF_LABEL[k], text[s:e], "geleerd") for s, e, k in found]
    # the rules' own exceptions bind the labeller too: 'opleiding (2)' is a score, not an age;
    # a name of two letters is a listed one ('mo', 'bo'; not 'Jansen & co'), and no name is a place
    return [
        d
        for d in learned
        if not (d.kind == h.LEEFTIJD and h.is_age_limit_or_score(text, d.start, d.end))
        and not (d.kind == h.PERSOON and _no_name(d.text))
    ]


def _no_name(value: str) -> bool:
    folded = h.fold(value)
    short = len(folded) < 2 or (len(folded) == 2 and folded not in woorden.first_names_folded())
    return short or woorden.is_place_name(value)
