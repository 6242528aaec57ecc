"""What a text names that is public and stays: public bodies and laws, rivers, and shop chains
where nobody works.
"""

from __future__ import annotations

import re

from verhalen.herkenners.basis import fold, phrase_pattern
from verhalen.herkenners.woorden import RIVERS, chains, is_place_name, public_institutions

# words for someone's work: where they appear, the organisation named is an employer
WORK_WORDS = (
    r"(?:werk\w*|gewerkt|wirk\w*|gewirk|baan\w*|bijbaan\w*|stage\w*|proefdag|aangenomen|solliciteer\w*|"
    r"gesolliciteerd|sollicitatie\w*|contract|vakkenvul\w*|kassa\w*|kassière|ontslag\w*|ontslagen|dienst|"
    r"diensten|uren|vakantiewerk|collega\w*|leidinggevende|manager|chef|baas|begonnen|begint|beginnen|begon)"
)
# the work a chain is named as, in the same sentence: 'bijbaan bij de Jumbo', 'de Albert Heijn op
# de Kissel zoekt vakkenvullers'
_WORK_BEFORE = re.compile(r"(?i)\b" + WORK_WORDS + r"\b[^.!?\n]{0,60}$")
_WORK_AFTER = re.compile(r"(?i)[^.!?\n]{0,60}?\b" + WORK_WORDS + r"\b")


def named_as_work(text: str, start: int, end: int) -> bool:
    """Whether the sentence names the shop at ``start:end`` as someone's work."""
    return bool(_WORK_BEFORE.search(text, max(0, start - 80), start) or _WORK_AFTER.match(text, end))


# what may follow a public body's name and belongs to it: 'GGD Zuid Limburg', 'Zuyderland
# Medisch Centrum', 'Buurtzorg Sittard-Oost'
_PUBLIC_TAIL = re.compile(r"[^\S\n]+(?P<w>Medisch\s+Centrum|[A-ZÀ-Ý][\w'’\-]*)")
_PUBLIC_COMPOUND = re.compile(r"-[a-zà-ÿ][\w\-]*")
_REGION_WORDS = frozenset(
    "zuid noord oost west midden limburg zuid-limburg noord-limburg midden-limburg nederland regio".split()
)
# a law: 'Wet inburgering 2021', 'Wet schuldsanering natuurlijke personen'
_LAW = re.compile(r"(?<![\w\-])Wet\s+(?:op\s+de\s+|op\s+het\s+)?[a-zà-ÿ][\w\-]*(?:\s+\d{4})?")


def public_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a public body or large institution (kept unless an employer)."""
    spans = [m.span() for m in _LAW.finditer(text)]
    for m in phrase_pattern(public_institutions(), "").finditer(text):
        end = m.end()
        while tail := _PUBLIC_TAIL.match(text, end):
            word = tail.group("w")
            if not (word.startswith("Medisch") or fold(word) in _REGION_WORDS or is_place_name(word)):
                break
            end = tail.end()
        if compound := _PUBLIC_COMPOUND.match(text, end):
            end = compound.end()  # 'Xonar-crisiszorg', 'UWV-uitkering': still the public body
        spans.append((m.start(), end))
    return spans


_RIVER_AFTER_PREPOSITION = re.compile(
    r"(?<![\w])(?:aan|langs|bij|over|naar|op|in|richting)\s+de\s+"
    r"(?:" + "|".join(sorted(r.capitalize() for r in RIVERS)) + r")(?![\w\-])(?![ \t]*\d)"
)


def river_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a river ('langs de Maas', though Maas is a surname): kept."""
    return [m.span() for m in _RIVER_AFTER_PREPOSITION.finditer(text)]


def shop_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a shop chain with no work before it ('bij de Albert Heijn hangen'):
    no person, and no organisation unless a detector of ours reads it as someone's work."""
    return [
        m.span()
        for m in phrase_pattern(chains(), "").finditer(text)
        if not named_as_work(text, m.start(), m.end())
    ]
