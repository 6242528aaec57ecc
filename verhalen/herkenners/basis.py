"""What every detector shares: the kinds of identifiers, a detection, the months, the one way
words are folded for comparison, and patterns built from lists of phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Kinds of identifiers, shared with pseudonimisering.py and the corpus labels.
PERSOON = "persoon"
ADRES = "adres"
POSTCODE = "postcode"
LOCATIE = "locatie"
BSN = "bsn"
IBAN = "iban"
TELEFOON = "telefoon"
EMAIL = "email"
DATUM = "datum"
LEEFTIJD = "leeftijd"
INSTELLING = "instelling"
URL = "url"
ID = "id"


@dataclass(frozen=True)
class Detection:
    """One identifier found in a text.

    ``key`` groups detections that denote the same thing (e.g. ``"client"`` for every
    spelling of the client's own name), so they get the same pseudonym.
    """

    start: int
    end: int
    kind: str
    text: str
    source: str
    key: str | None = None


@dataclass(frozen=True)
class KnownIdentity:
    """A value from the ``identiteiten`` table: soort (voornaam, naaste, adres, ...) and waarde."""

    soort: str
    waarde: str


MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip

MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))


def find_pattern(pattern: re.Pattern[str], text: str, kind: str, source: str) -> list[Detection]:
    return [Detection(m.start(), m.end(), kind, m.group(), source) for m in pattern.finditer(text)]


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


_SEPARATOR = "\x00"  # a space or hyphen in a phrase: either may be written


def _trie_pattern(words: Iterable[str], *, caseless: bool = False, separators: bool = False) -> str:
    """One regex for a set of words, as a trie: the same matches as 'longest|...|shortest',
    but the engine tries one branch per letter instead of every word at every position.

    ``caseless``: for a pattern compiled with IGNORECASE (letters folded to lowercase, so
    'Born' and 'born' share a branch); ``separators``: a space or hyphen matches either."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            if caseless and len(ch.lower()) == 1:
                ch = ch.lower()
            if separators and ch in " -":
                ch = _SEPARATOR
            node = node.setdefault(ch, {})
        node[""] = {}

    def piece(ch: str) -> str:
        return r"[ \-]" if ch == _SEPARATOR else re.escape(ch)

    def build(node: dict) -> str:
        ends = "" in node
        branches = [piece(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


def phrases_pattern(phrases: Iterable[str], *, separators: bool = True) -> str:
    """Case-insensitive alternation of phrases (for IGNORECASE), the longest phrase winning
    where several match; with ``separators`` a space or hyphen in a phrase matches either."""
    return _trie_pattern(phrases, caseless=True, separators=separators)


@lru_cache(maxsize=4)
def phrase_pattern(phrases: tuple[str, ...], suffix: str) -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![\w\-])(?:" + phrases_pattern(phrases) + r")" + suffix + r"(?![\w])")


_TITLE_ABBREVIATION = re.compile(r"(?i)(?<![\w])(?:mw|mevr|dhr|mnr|dr|mr|drs|ir|ing|fam)\.$")


def sentence_start(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence (after 'mw.' or 'dhr.' it does not)."""
    before = text[max(0, start - 60) : start].rstrip(" \t\"'‘“(—–-*•")
    if not before and start > 60:  # a long run of spaces: look further back
        before = text[:start].rstrip(" \t\"'‘“(—–-*•")
    if before.endswith(".") and _TITLE_ABBREVIATION.search(before):
        return False
    return not before or before[-1] in ".!?:\n" or before.endswith("]")


@lru_cache(maxsize=1 << 17)
def fold(s: str) -> str:
    """Lowercase without diacritics: 'Öztürk' -> 'ozturk'. Cached: the same words recur in
    every story, and this is called per token per known identity."""
    s = unicodedata.normalize("NFKD", s.lower())
    if s.isascii():  # nothing combines: the common case, without a loop per character
        return s
    return "".join(c for c in s if not unicodedata.combining(c))


INITIALS = re.compile(r"(?:\b[A-Z]\. ?)+$")
