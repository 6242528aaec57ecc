"""Suggested codes from keyword and regular-expression rules, with Dutch stemming.

A suggestion is a hint for a human coder, never a coding. Rules come from the codebook
(``trefwoorden`` and ``patronen`` per code) or are passed in directly.

Keyword matching, per word (case-insensitive):
- equal after the Dutch Snowball stemmer (``schuld`` ~ ``schulden`` is NOT guaranteed by
  Snowball — it stems them to ``schuld`` / ``schul`` — so plain equality of the lowercased
  word is also accepted; list both forms or use a ``*`` when in doubt);
- a keyword ending in ``*`` matches every word starting with it, which is how Dutch
  compounds are caught (``schuld*`` → ``schuldhulpverlening``);
- a keyword of several words matches the same words in a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import snowballstemmer

from verhalen.codeboek import Codeboek

_WORD = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\r\n\s*\r\n")
_STEMMER = snowballstemmer.stemmer("dutch")

COLUMNS = ["verhaal_id", "code_id", "start", "eind", "fragment", "regel", "soort"]


@dataclass(frozen=True)
class Regel:
    """One rule: a keyword (``soort='trefwoord'``) or a regular expression (``'patroon'``)."""

    code_id: str
    tekst: str
    soort: str = "trefwoord"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word.casefold())


def regels_uit_codeboek(codeboek: Codeboek) -> list[Regel]:
    out: list[Regel] = []
    for code in codeboek:
        if not code.codeerbaar:
            continue
        out += [Regel(code.code_id, t, "trefwoord") for t in code.trefwoorden]
        out += [Regel(code.code_id, p, "patroon") for p in code.patronen]
    return out


@dataclass(frozen=True)
class _Word:
    """One keyword word, prepared once: a prefix (``*``), or a form plus its stem."""

    text: str
    prefix: bool
    stem: str

    @classmethod
    def of(cls, word: str) -> _Word:
        word = word.casefold()
        if word.endswith("*"):
            return cls(word[:-1], True, "")
        return cls(word, False, stem(word))

    def matches(self, token: str, token_stem: str) -> bool:
        if self.prefix:
            return token.startswith(self.text)
        return token == self.text or token_stem == self.stem


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (simple rule: . ! ? or a blank line)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class Suggesteerder:
    """Find rule hits in stories and turn them into suggested segments.

    ``eenheid='zin'`` (default) suggests the whole sentence around a hit, which is what a
    coder usually codes; ``'treffer'`` suggests only the matched words.
    """

    def __init__(self, codeboek: Codeboek | None = None, regels: list[Regel] | None = None,
                 eenheid: str = "zin"):
        if eenheid not in ("zin", "treffer"):
            raise ValueError("eenheid is 'zin' of 'treffer'")
        self.regels = list(regels or []) + (regels_uit_codeboek(codeboek) if codeboek else [])
        self.eenheid = eenheid
        self._patterns = [
            (r, re.compile(r.tekst, re.IGNORECASE)) for r in self.regels if r.soort == "patroon"
        ]
        self._keywords = [(r, [_Word.of(w) for w in r.tekst.split()])
                          for r in self.regels if r.soort == "trefwoord"]
        # index on the first word, so a text is scanned once instead of once per rule
        self._by_form: dict[str, list] = {}
        self._by_stem: dict[str, list] = {}
        self._by_prefix: dict[int, dict[str, list]] = {}
        for entry in self._keywords:
            first = entry[1][0]
            if first.prefix:
                self._by_prefix.setdefault(len(first.text), {}).setdefault(
                    first.text, []).append(entry)
            else:
                self._by_form.setdefault(first.text, []).append(entry)
                self._by_stem.setdefault(first.stem, []).append(entry)

    def hits(self, text: str) -> list[tuple[int, int, Regel]]:
        """All (start, eind, rule) hits in one text."""
        tokens = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(text)]
        stems = [stem(t) for _, _, t in tokens]
        out: list[tuple[int, int, Regel]] = []
        for i, (_, _, token) in enumerate(tokens):
            candidates = {id(c): c for c in self._by_form.get(token, [])
                          + self._by_stem.get(stems[i], [])}
            for length, table in self._by_prefix.items():
                for c in table.get(token[:length], []):
                    candidates[id(c)] = c
            for rule, words in candidates.values():
                n = len(words)
                if i + n <= len(tokens) and all(
                        words[k].matches(tokens[i + k][2], stems[i + k]) for k in range(n)):
                    out.append((tokens[i][0], tokens[i + n - 1][1], rule))
        for rule, pattern in self._patterns:
            out += [(m.start(), m.end(), rule) for m in pattern.finditer(text)
                    if m.end() > m.start()]
        return sorted(out, key=lambda h: (h[0], h[1], h[2].code_id))

    def suggest(self, verhalen: pd.DataFrame) -> pd.DataFrame:
        """Suggested segments for every story: one row per (story, code, segment).

        Columns: verhaal_id, code_id, start, eind, fragment, regel (the rules that fired,
        joined by '; '), soort ('trefwoord', 'patroon' or both).
        """
        rows = []
        for verhaal_id, text in zip(verhalen["verhaal_id"], verhalen["tekst"].fillna(""),
                                    strict=True):
            spans = sentence_spans(text) if self.eenheid == "zin" else []
            merged: dict[tuple[str, int, int], set[Regel]] = {}
            for start, eind, rule in self.hits(text):
                if spans:
                    start, eind = next(((s, e) for s, e in spans if s <= start < e),
                                       (start, eind))
                merged.setdefault((rule.code_id, start, eind), set()).add(rule)
            for (code_id, start, eind), rules in merged.items():
                rows.append({
                    "verhaal_id": verhaal_id, "code_id": code_id, "start": start, "eind": eind,
                    "fragment": text[start:eind],
                    "regel": "; ".join(sorted(r.tekst for r in rules)),
                    "soort": "/".join(sorted({r.soort for r in rules})),
                })
        out = pd.DataFrame(rows, columns=COLUMNS)
        return out.sort_values(["verhaal_id", "start", "code_id"], kind="stable").reset_index(
            drop=True)

    def as_coderingen(self, verhalen: pd.DataFrame, codeur: str = "suggestie",
                      datum: object = None) -> pd.DataFrame:
        """Suggestions in the ``coderingen`` shape, e.g. to review them in a QDA program."""
        sug = self.suggest(verhalen)
        out = sug[["verhaal_id", "code_id", "start", "eind"]].copy()
        out.insert(0, "codering_id", range(1, len(out) + 1))
        out["codeur"] = codeur
        out["datum"] = pd.Timestamp(datum if datum is not None else pd.Timestamp.today()
                                    ).normalize()
        return out


def suggest_codes(verhalen: pd.DataFrame, codeboek: Codeboek, eenheid: str = "zin"
                  ) -> pd.DataFrame:
    """Shortcut: suggestions for ``verhalen`` from the rules in ``codeboek``."""
    return Suggesteerder(codeboek, eenheid=eenheid).suggest(verhalen)
