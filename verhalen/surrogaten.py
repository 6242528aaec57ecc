"""Surrogates for publication ("hiding in plain sight").

A published story keeps reading like a story: a name becomes another plausible name (the same
person the same surrogate throughout, a woman's name for a woman's name where the first name
tells), a street another street of the same gemeente, a date its month (and year), an age an
age band ("in de dertig"); numbers become a neutral word ("[telefoonnummer]"). A missed
identifier then hides among surrogates.

Why neutral words for numbers and not fake numbers: a fake but valid-looking phone number,
BSN or IBAN can belong to a real person; an invalid one (a BSN failing the elfproef) would
still look real to a reader, who cannot tell it is fictitious. A reader loses nothing by
reading "[telefoonnummer]".

Checked first: the PyPI package ``dutch-med-hips`` generates Dutch surrogates, but picks
every surrogate anew (no same-person consistency, no gender), randomises the form on
purpose (training data for de-identification models) and is GPL-3 licensed; deduce itself
only tags. The name lists here come from Faker's nl_NL provider (``data/namen_nl.csv``).

Deterministic: the surrogate of a value depends only on the seed, the value and what was
chosen before it in the same registry (one client or one story).
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from verhalen import herkenners as h
from verhalen.herkenners import basis, bekende_identiteiten, woorden

_AGE_DECADES = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig", 6: "zestig",
                7: "zeventig", 8: "tachtig", 9: "negentig"}  # fmt: skip
_ORG_KINDS = [
    (r"school|obs|rkbs|kbs|bs|ikc|sbo|college|lyceum|scholengemeenschap", "een school"),
    (r"club|rkvv|rksv|vv|sv|pv|hv|tv|zv|wsv|vc|hc|bc|mhc|kvv|vereniging|harmonie|fanfare|"
     r"schutterij|koor", "een vereniging"),
    (r"zorgboerderij|dagbesteding", "een dagbesteding"),
    (r"thuiszorg", "een thuiszorgorganisatie"),
    (r"zorgcentrum|woonzorgcentrum|verpleeghuis|huize|begeleid|beschermd", "een zorginstelling"),
    (r"huisarts", "een huisartsenpraktijk"),
    (r"gezondheidscentrum", "een gezondheidscentrum"),
    (r"gym|boxing|boksschool|sportschool|fitness", "een sportschool"),
    (r"praktijk|apotheek|fysiotherapie", "een praktijk"),
    (r"bakkerij|slagerij|snackbar|frituur|cafetaria|café|cafe|restaurant|eetcafé|brasserie|"
     r"kapsalon|kapper|winkel|supermarkt|stomerij|wasserij", "een zaak in de buurt"),
    (r"kinderopvang|kinderdagverblijf|peuterspeelzaal|bso", "een kinderopvang"),
    (r"buurthuis|gemeenschapshuis|wijkcentrum|jongerencentrum", "een buurthuis"),
]  # fmt: skip
NEUTRAL = {
    h.TELEFOON: "[telefoonnummer]", h.EMAIL: "[e-mailadres]", h.BSN: "[BSN]",
    h.IBAN: "[rekeningnummer]", h.POSTCODE: "[postcode]", h.URL: "[website]", h.ID: "[nummer]",
}  # fmt: skip


@dataclass(frozen=True)
class _Names:
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]

    def gender(self, first_name: str) -> str | None:
        f = h.fold(first_name)
        if f in _folded(self.male):
            return "m"
        if f in _folded(self.female):
            return "v"
        return None


@lru_cache(maxsize=8)
def _folded(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(h.fold(n) for n in names)


@lru_cache(maxsize=1)
def names() -> _Names:
    rows: dict[str, list[str]] = {"voornaam_m": [], "voornaam_v": [], "achternaam": []}
    with resources.files("verhalen.data").joinpath("namen_nl.csv").open(encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(lines):
            rows[row["soort"]].append(row["naam"])
    # simple surnames read best in a story: no double names, no "'s Gravensande"
    surnames = tuple(n for n in rows["achternaam"] if re.fullmatch(r"[A-Z][a-zà-ÿ]+(?: [a-z]+)*", n)
                     or re.fullmatch(r"(?:van|de|van de|van der|van den) [A-Z][a-z]+", n))
    return _Names(tuple(rows["voornaam_m"]), tuple(rows["voornaam_v"]), surnames)


@lru_cache(maxsize=1)
def streets_by_gemeente() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    with resources.files("verhalen.data").joinpath("straten_regio.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["gemeente"], []).append(row["straat"])
    return {g: tuple(s) for g, s in out.items()}


_FEMALE_CONTEXT = re.compile(
    r"(?i)\b(?:mevrouw|mevr\.?|mw\.?|vrouw|dochter|zus|zusje|moeder|oma|tante|nicht|vriendin|"
    r"buurvrouw|juf|zij|schoonmoeder|schoondochter|kleindochter|meisje|cliënte|echtgenote)\s+$"
)
_MALE_CONTEXT = re.compile(
    r"(?i)\b(?:meneer|dhr\.?|de heer|man|zoon|zoontje|broer|broertje|vader|opa|oom|neef|vriend|"
    r"buurman|meester|hij|schoonvader|schoonzoon|kleinzoon|jongen|echtgenoot|pastoor)\s+$"
)


def _gender_by_form(word: str) -> str | None:
    """Dutch girls' names often end in -a, -tje, -je, -ien, -ine: a weak guess, used last."""
    w = h.fold(word)
    if re.search(r"(?:a|tje|je|ien|ine|ette|ia)$", w):
        return "v"
    return None


def gender_from_context(before: str) -> str | None:
    if _FEMALE_CONTEXT.search(before):
        return "v"
    if _MALE_CONTEXT.search(before):
        return "m"
    return None


# 'op zijn', 'sinds mijn' before an age written as an ordinal ('16e', 'achtste')
_ORDINAL_AGE_BEFORE = re.compile(
    r"(?i)\b(?P<voorzetsel>op|rond|vanaf|sinds|tot|na|voor|vóór)\s+(?:mijn|mien|m'n|zijn|zien|z'n|haar|d'r|hun|je|jouw)\s+$"
)


def _is_ordinal(value: str) -> bool:
    return bool(re.fullmatch(r"\d{1,3}(?:e|ste|de)", value.lower())) or value.lower() in h.ordinal_words()


def age_band(n: int) -> str:
    """38 -> 'in de dertig'; 13 -> 'tussen de 12 en 18'; 8 -> 'onder de 12'."""
    if n < 12:
        return "onder de 12"
    if n < 18:
        return "tussen de 12 en 18"
    if n < 20:
        return "rond de twintig"
    if n >= 100:
        return "boven de honderd"
    return f"in de {_AGE_DECADES[n // 10]}"


def date_label(value: str) -> str | None:
    """'16 maart 2024' -> 'maart 2024'; '16/3' and '3 maart' -> 'maart'; None if unreadable."""
    return h.month_label(value)


@dataclass
class Surrogator:
    """Chooses surrogates for one registry (one client, or one story without a client)."""

    seed: int = 0
    gemeente: str | None = None
    chosen: dict[tuple[str, str], str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    # names (folded) a surrogate may never be; shared by every registry of a run, not copied
    avoid: frozenset[str] = frozenset()

    def _pick(self, pool: tuple[str, ...], *key: str) -> str:
        """A deterministic choice from pool, not yet used in this registry."""
        digest = hashlib.sha256(("\x1f".join((str(self.seed), *key))).encode()).digest()
        start = int.from_bytes(digest[:8], "big") % len(pool)
        for i in range(len(pool)):
            candidate = pool[(start + i) % len(pool)]
            folded = h.fold(candidate)
            if folded not in self.used and folded not in self.avoid and folded not in key:
                self.used.add(folded)
                return candidate
        return pool[start]

    # -- people -----------------------------------------------------------------------

    def _first(self, word: str, gender: str | None) -> str:
        key = ("voornaam", h.fold(word))
        if key not in self.chosen:
            pool = names()
            gender = gender or pool.gender(word) or _gender_by_form(word)
            first_pool = {"m": pool.male, "v": pool.female}.get(gender or "", pool.male + pool.female)
            self.chosen[key] = self._pick(first_pool, *key)
        return self.chosen[key]

    def _surname(self, words: list[str]) -> str:
        key = ("achternaam", h.fold(" ".join(words)))
        if key not in self.chosen:
            self.chosen[key] = self._pick(names().surnames, *key)
        return self.chosen[key]

    def person(self, original: str, title_before: bool = False, gender: str | None = None) -> str:
        """'Sandra de Vries' -> 'Anouk Smit'; later 'Sandra' -> 'Anouk', 'mevrouw De Vries' ->
        'mevrouw Smit'. First names and surnames each keep one surrogate in the registry, so
        relatives keep a shared surname."""
        tokens = re.findall(r"[\w'’\-]+\.?", original)
        initials = [t for t in tokens if re.fullmatch(r"[A-Z]\.?", t)]
        words = [t for t in tokens if not re.fullmatch(r"[A-Z]\.?", t)]
        if not words:
            return self._surname(tokens)[0] + "."
        first_folded = woorden.first_names_folded()
        first_like = (
            h.fold(words[0]) in first_folded or names().gender(words[0]) is not None or gender is not None
        )
        out: list[str] = []
        if len(words) == 1 and (title_before or initials or not first_like):
            if initials:
                out.append(self._surname(words)[0].upper() + ".")
            out.append(self._surname(words))
        elif len(words) == 1:
            out.append(self._first(words[0], gender))
        elif h.fold(words[0]) in bekende_identiteiten.INTERFIXES or (title_before and not first_like) or initials:
            if initials:
                out.append(self._surname(words)[0].upper() + ".")
            out.append(self._surname(words))
        else:
            out += [self._first(words[0], gender), self._surname(words[1:])]
        text = " ".join(out)
        if original.islower():
            text = text.lower()
        return text

    # -- places and organisations ---------------------------------------------------------

    def street(self, original: str) -> str:
        """Another street of the same gemeente (or of the region); the house number changes too."""
        m = re.search(r"\s(\d{1,4})(.*)$", original)
        name = original[: m.start()] if m else original
        key = h.fold(name)
        if (key, "straat") not in self.chosen:
            by = streets_by_gemeente()
            pool = by.get(self.gemeente or "") or tuple(s for v in by.values() for s in v)
            self.chosen[(key, "straat")] = self._pick(pool, "straat", key)
        street = self.chosen[(key, "straat")]
        if name.islower():
            street = street.lower()
        if not m:
            return street
        digest = hashlib.sha256(f"{self.seed}\x1f{h.fold(original)}".encode()).digest()
        return f"{street} {1 + digest[0] % 120}"

    def organisation(self, original: str) -> str:
        if h.fold(original) in woorden.chains_folded():
            return "een winkel"  # 'werkt bij de Jumbo': a shop of a chain
        words = h.fold(original).split()
        for pattern, noun in _ORG_KINDS:
            # a word of the name that is, or ends in, the kind: 'OBS', 'Weerter Carnavalsvereniging'
            if any(re.match(rf"(?:{pattern})\b", w) or re.search(rf"(?:{pattern})$", w) for w in words):
                return noun
        return "een bedrijf"


_LEADING_TITLES = re.compile(
    r"(?i)(?:(?:mevrouw|mevr\.?|mw\.?|meneer|mnr\.?|dhr\.?|de\s+heer|heer|mr\.?|dr\.?|drs\.?|ir\.?|"
    r"collega|cliënt|client|tante|oom|opa|oma|juf|meester|buurman|buurvrouw|zus|broer|moeder|vader|"
    r"zoon|dochter|huisarts|wijkagent|consulent|jongerenwerker)\s+)+"
)
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:het|de|'t|’t)\s+$", re.IGNORECASE)  # 'op 't X' too
# 'zit op het Trevianum', 'voetbalt bij Almania': what the context says the organisation is
_SCHOOL_CONTEXT = re.compile(r"(?i)\b(?:zit|zat|zitten|zaten|leerling|ingeschreven|geschorst|gaat|ging|opleiding|studeert|studie)\b[^.\n]{0,25}\b(?:op|naar|van|bij)\s+(?:het\s+|de\s+|'t\s+)?$")
# 'een jaar of 16', 'rond de 40', 'ongeveer 70', 'net 15': an age band is approximate itself
_APPROXIMATELY_BEFORE = re.compile(r"(?i)(?<![\w])(?:een\s+jaar\s+of|rond\s+de|ongeveer|ca\.|circa|zo'n|ruim|bijna|net|pas)\s+$")
_CLUB_CONTEXT = re.compile(r"(?i)\b(?:lid|voetbal\w*|train\w*|speel\w*|sport\w*|zwem\w*|dans\w*|turn\w*|boks\w*)\b[^.\n]{0,20}\b(?:van|bij|op)\s+(?:het\s+|de\s+|'t\s+)?$")
_PREP_BEFORE_DATE = re.compile(r"\b([Oo]p)\s+$")


def render(
    text: str,
    detections: list,
    surrogator: Surrogator,
) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    """The text with every detection replaced by its surrogate.

    Returns the new text and (start, end, kind, original, surrogate) per replacement; start
    and end may reach a little past the detection when a neighbouring word must change with
    it ('op 3 maart' -> 'begin maart', '38 jaar oud' -> 'in de dertig', 'het Sint-Annakoor'
    -> 'een vereniging').
    """
    pieces: list[str] = []
    out: list[tuple[int, int, str, str, str]] = []
    position = 0
    for d in detections:
        start, end = d.start, d.end
        if start < position:
            continue
        kind = d.kind
        if kind == h.PERSOON:
            lead = _LEADING_TITLES.match(d.text)
            if lead:  # 'mevrouw Rania Al-Hassan': the title stays, the name changes
                start += lead.end()
            original = text[start:end]
            before = text[max(0, start - 20) : start]
            title = bool(re.search(r"(?i)(?:mevrouw|mevr\.?|mw\.?|meneer|dhr\.?|heer|mr\.?|dr\.?|drs\.?)\s*$", before))
            new = surrogator.person(original, title_before=title, gender=gender_from_context(before))
        elif kind == h.ADRES:
            new = surrogator.street(d.text)
        elif kind == h.DATUM:
            label = date_label(d.text)
            parts = h.parse_date_parts(d.text)
            if label is None:
                new = "een datum"
            elif parts and parts[0]:
                day = parts[0]
                when = "begin" if day <= 10 else "midden" if day <= 20 else "eind"
                new = f"{when} {label}"
                m = _PREP_BEFORE_DATE.search(text[max(0, start - 4) : start])
                if m:  # 'op 3 maart' -> 'begin maart'
                    start -= len(m.group())
                    new = new[0].upper() + new[1:] if m.group(1)[0].isupper() else new
            else:
                new = label
        elif kind == h.LEEFTIJD:
            value = d.text
            n = h.number_value(value) or 0
            band = age_band(n) if n else "een zekere leeftijd"
            rest = text[end:]
            m = re.match(r"\s?(?:jaar|jr\.?)(?:\s+oud)?(?![\w])", rest)
            jarige = re.match(r"[ -]?jarigen?(?![\w])", rest)
            months = re.match(r"\s?(?:(?P<w>weken|week)|maanden|maand|mnd\.?)(?![\w])", rest)
            life = "tiener" if 12 <= n < 20 else "kind" if n < 12 else f"{_AGE_DECADES.get(n // 10, 'honderd')}er"
            ordinal = _ORDINAL_AGE_BEFORE.search(text, max(0, start - 20), start) if _is_ordinal(value) else None
            if months:  # a baby: 'van 4 maanden' -> 'van enkele maanden', '(17 maanden)' -> '(onder de 12)'
                new = "enkele weken" if months.group("w") else "enkele maanden" if n < 12 else band
                end += len(months.group())
            elif ordinal:  # 'op zijn 16e' -> 'als tiener'; 'sinds mijn achtste' -> 'sinds mijn kinderjaren'
                start = ordinal.start()
                if ordinal.group("voorzetsel").lower() in ("op", "rond"):
                    new = f"als {life}"
                else:
                    new = f"{ordinal.group().strip()} {'kinder' if n < 12 else 'tiener' if n < 20 else life + ' '}jaren"
                new = new[0].upper() + new[1:] if text[start].isupper() else new
            elif jarige:
                new = life
                end += len(jarige.group())
            else:
                new = band
                if m:
                    end += len(m.group())
                approximately = _APPROXIMATELY_BEFORE.search(text, max(0, start - 14), start)
                if approximately:  # 'een jaar of 16' -> 'tussen de 12 en 18', not 'een jaar of tussen de 12 en 18'
                    start = approximately.start()
                    new = new[0].upper() + new[1:] if text[start].isupper() else new
        elif kind == h.INSTELLING:
            new = surrogator.organisation(d.text)
            if new == "een bedrijf":  # the name says nothing: perhaps the sentence does
                before = text[max(0, start - 50) : start]
                new = "een school" if _SCHOOL_CONTEXT.search(before) else "een vereniging" if _CLUB_CONTEXT.search(before) else new
            m = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
            if m:
                start -= len(m.group())
        elif kind == h.LOCATIE:
            new = "de regio"
        else:
            new = NEUTRAL.get(kind, "[nummer]")
        if start < position:
            start = position
        if new[:1].islower() and text[start : start + 1].isupper() and basis.sentence_start(text, start):
            new = new[0].upper() + new[1:]  # 'Bakkerij Hendriks zoekt' -> 'Een zaak in de buurt zoekt'
        pieces += [text[position:start], new]
        out.append((start, end, kind, text[start:end], new))
        position = end
    pieces.append(text[position:])
    return "".join(pieces), out
