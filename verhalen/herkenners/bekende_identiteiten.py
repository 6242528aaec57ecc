"""The client's own known identities (the ``identiteiten`` table), found in any spelling:
misspelt, folded, or as a birth date written another way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz.distance import OSA

from verhalen.herkenners.basis import (
    ADRES,
    BSN,
    DATUM,
    EMAIL,
    INITIALS,
    LOCATIE,
    PERSOON,
    POSTCODE,
    TELEFOON,
    Detection,
    KnownIdentity,
    digits,
    find_pattern,
    fold,
)
from verhalen.herkenners.datums import find_dates, parse_date_parts
from verhalen.herkenners.nummers import normalize_phone
from verhalen.herkenners.woorden import common_words

NAME_KINDS = {"voornaam", "achternaam", "naam"}
INTERFIXES = {
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "t", "'t", "el", "al", "la", "le",
    "du", "da", "di", "dos", "von", "op", "vd", "v", "d", "bin", "ben", "ibn", "abu",
}  # fmt: skip
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")


@lru_cache(maxsize=1 << 16)
def _sound(s: str) -> str:
    """A crude Dutch spelling key so that ij/y/ei, ou/au, c/k, dt/t, ph/f variants compare equal."""
    s = fold(s)
    for a, b in (("ij", "y"), ("ei", "y"), ("au", "ou"), ("ph", "f"), ("ch", "g"), ("c", "k"),
                 ("dt", "t"), ("th", "t"), ("ss", "s"), ("ee", "e"), ("oo", "o"), ("uu", "u"),
                 ("aa", "a"), ("-", ""), ("'", "")):  # fmt: skip
        s = s.replace(a, b)
    return s


def tokens_match(found: str, known: str, fuzzy: bool = True) -> bool:
    """Whether a token in the text is (a misspelling of) a token of a known name."""
    return _folded_match(fold(found), fold(known), fuzzy)


@lru_cache(maxsize=1 << 18)
def _folded_match(a: str, b: str, fuzzy: bool) -> bool:
    """:func:`tokens_match` on tokens already folded (cached: pairs recur across stories)."""
    if a == b:
        return True
    if not fuzzy or len(b) < 5 or a[:1] != b[:1] or a in common_words():
        return False
    max_edits = 1 if len(b) <= 7 else 2
    if OSA.distance(a, b, score_cutoff=max_edits) <= max_edits:
        return True
    return _sound(a) == _sound(b)


@dataclass(frozen=True)
class _Pattern:
    tokens: tuple[str, ...]
    kind: str
    key: str

    @property
    def folded(self) -> tuple[str, ...]:
        return tuple(fold(t) for t in self.tokens)

    @property
    def fuzzable(self) -> tuple[bool, ...]:
        """Per token: may it match misspelled (not an interfix, not a number)?"""
        return tuple(fold(t) not in INTERFIXES and not t.isdigit() for t in self.tokens)


def _identity_patterns(identities: Iterable[KnownIdentity]) -> list[_Pattern]:
    patterns: list[_Pattern] = []
    for ident in identities:
        patterns += _patterns_of(ident.soort, str(ident.waarde))
    return patterns


# a compiled pattern: (folded tokens, fuzzable per token, kind, key), made once per identity
_Compiled = tuple[tuple[str, ...], tuple[bool, ...], str, str]


@lru_cache(maxsize=1 << 14)
def _compiled_patterns_of(soort: str, waarde: str) -> tuple[_Compiled, ...]:
    return tuple((p.folded, p.fuzzable, p.kind, p.key) for p in _patterns_of(soort, waarde))


@lru_cache(maxsize=1 << 14)
def _patterns_of(soort: str, waarde: str) -> tuple[_Pattern, ...]:
    """The token patterns of one known identity (cached: an identity recurs in many stories)."""
    patterns: list[_Pattern] = []
    soort, waarde = soort.strip().lower(), waarde.strip()
    if not waarde:
        return ()
    toks = tuple(_TOKEN.findall(waarde))
    if soort in NAME_KINDS or soort == "naaste":
        kind, key = PERSOON, "client" if soort in NAME_KINDS else f"naaste:{fold(waarde)}"
        for i in range(len(toks) - 1):  # 'Kevin de Boer', 'de Boer'
            patterns.append(_Pattern(toks[i:], kind, key))
        for tok in toks:
            if fold(tok) not in INTERFIXES and len(tok) >= 2:
                patterns.append(_Pattern((tok,), kind, key))
    elif soort in {"adres", "woonplaats"}:
        kind = ADRES if soort == "adres" else LOCATIE
        key = f"{soort}:{fold(waarde)}"
        patterns.append(_Pattern(toks, kind, key))
        words = tuple(t for t in toks if not t.isdigit() and fold(t) not in INTERFIXES)
        if soort == "adres" and words and words != toks:
            patterns.append(_Pattern(words, kind, key))
    return tuple(patterns)


def _exact_identity_detections(text: str, identities: Iterable[KnownIdentity]) -> list[Detection]:
    """Known BSN, phone, e-mail, postcode and birth date, whatever their formatting."""
    found: list[Detection] = []
    for ident in identities:
        soort, waarde = ident.soort.strip().lower(), str(ident.waarde).strip()
        key = f"{soort}:{waarde}"
        if soort == "bsn":
            target = digits(waarde).zfill(9)
            found += [
                Detection(d.start, d.end, BSN, d.text, "identiteit", key)
                for d in _digit_runs(text)
                if digits(d.text).zfill(9) == target
            ]
        elif soort == "telefoon":
            target = normalize_phone(waarde)
            found += [
                Detection(d.start, d.end, TELEFOON, d.text, "identiteit", key)
                for d in _digit_runs(text)
                if normalize_phone(d.text) == target
            ]
        elif soort == "email":
            if "@" in waarde and "@" not in text:
                continue  # no match possible: no pattern to compile (and no other evicted)
            for m in _exact_pattern(soort, waarde).finditer(text):
                found.append(Detection(m.start(), m.end(), EMAIL, m.group(), "identiteit", key))
        elif soort == "postcode":
            cijfers = re.sub(r"\s", "", waarde)[:4]
            if cijfers.isascii() and cijfers.isdigit() and cijfers not in text:
                continue  # the four digits must occur as they are: nothing to compile
            for m in _exact_pattern(soort, waarde).finditer(text):
                found.append(Detection(m.start(), m.end(), POSTCODE, m.group(), "identiteit", key))
        elif soort == "geboortedatum":
            found += _birth_date(text, waarde, key)
    return found


@lru_cache(maxsize=1 << 12)
def _exact_pattern(soort: str, waarde: str) -> re.Pattern[str]:
    """The compiled pattern of a known e-mail address or postcode (once per identity)."""
    if soort == "email":
        return re.compile(re.escape(waarde), flags=re.IGNORECASE)
    compact = re.sub(r"\s", "", waarde)
    pattern = re.escape(compact[:4]) + r" ?" + re.escape(compact[4:])
    return re.compile(r"(?i)(?<!\w)" + pattern + r"(?!\w)")


_DIGIT_RUN = re.compile(r"(?:\+|\(0\))?\d[\d .\-()]{5,}\d")


def _digit_runs(text: str) -> list[Detection]:
    return find_pattern(_DIGIT_RUN, text, "", "cijfers")


def _birth_date(text: str, waarde: str, key: str) -> list[Detection]:
    try:
        born = date.fromisoformat(waarde[:10])
    except ValueError:
        return []
    found = []
    for d in find_dates(text):
        parts = parse_date_parts(d.text)
        if parts and parts[0] == born.day and parts[1] == born.month and parts[2] in (None, born.year):
            found.append(Detection(d.start, d.end, DATUM, d.text, "identiteit", key))
    return found


def find_known_identities(
    text: str, identities: Iterable[KnownIdentity], fuzzy: bool = True
) -> list[Detection]:
    """The client's own name, relatives, address and numbers: any case, misspelled, reformatted."""
    identities = list(identities)
    spans: list[tuple[int, int]] = []
    folded: list[str] = []  # once per text, not per pattern
    at: dict[str, list[int]] = {}  # where each folded token occurs
    at_initial: dict[str, list[int]] = {}  # where a token with this first letter occurs
    for i, m in enumerate(_TOKEN.finditer(text)):
        spans.append(m.span())
        f = fold(m.group())
        folded.append(f)
        at.setdefault(f, []).append(i)
        at_initial.setdefault(f[:1], []).append(i)
    found: list[Detection] = []
    for ident in identities:
        for tokens, fuzzable, kind, key in _compiled_patterns_of(ident.soort, str(ident.waarde)):
            n = len(tokens)
            if n == 0:
                continue
            flags = tuple(fuzzy and f for f in fuzzable)
            first, first_fuzzy = tokens[0], flags[0]
            if first_fuzzy and len(first) >= 5:  # a misspelling keeps its first letter
                candidates = at_initial.get(first[:1], ())
            else:  # _folded_match: short or exact tokens only as they are
                candidates = at.get(first, ())
            for i in candidates:
                if i > len(spans) - n:
                    break
                if not _folded_match(folded[i], first, first_fuzzy):
                    continue
                if n > 1 and not all(_folded_match(folded[i + j], tokens[j], flags[j]) for j in range(1, n)):
                    continue
                start, end = spans[i][0], spans[i + n - 1][1]
                if kind == PERSOON:  # 'S. Bakker', 'S.M. Bakker': initials belong to the name
                    initials = INITIALS.search(text[max(0, start - 12) : start])
                    if initials:
                        start -= len(initials.group())
                found.append(Detection(start, end, kind, text[start:end], "identiteit", key))
    return found + _exact_identity_detections(text, identities)
