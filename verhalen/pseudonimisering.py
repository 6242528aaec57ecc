"""Pseudonymisation of Dutch stories: deduce, strengthened by our own detectors.

>>> p = Pseudonymizer()
>>> result = p.pseudonymize("Mw. jansen belde op 3 maart.",
...                         known_identities=[("achternaam", "Jansen")], client_key=17)
>>> result.text
'Mw. [Persoon-1] belde op [Datum-1].'

Pseudonyms are consistent per ``client_key``: the same person, address or number gets the
same placeholder in every story of that client (the client's own name is always
``[Persoon-1]``). Without a client key every call numbers from 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import pandas as pd

from verhalen import herkenners as h
from verhalen.crf_herkenner import find_learned
from verhalen.herkenners import (
    Detection,
    KnownIdentity,
    adressen,
    basis,
    bekende_identiteiten,
    publiek,
    woorden,
)

if TYPE_CHECKING:
    from deduce import Deduce

DateMode = Literal["vervang", "maand"]
Style = Literal["labels", "surrogaat"]

LABELS = {
    h.PERSOON: "Persoon", h.ADRES: "Adres", h.POSTCODE: "Postcode", h.LOCATIE: "Locatie",
    h.BSN: "BSN", h.IBAN: "IBAN", h.TELEFOON: "Telefoon", h.EMAIL: "E-mail", h.DATUM: "Datum",
    h.LEEFTIJD: "Leeftijd", h.INSTELLING: "Instelling", h.URL: "URL", h.ID: "Nummer",
}  # fmt: skip

# Higher wins when detections overlap: the client's known identities first, then our
# checksum/format detectors, then the regional lists, then deduce.
_KIND_PRIORITY = {
    h.EMAIL: 9, h.IBAN: 8, h.BSN: 7, h.TELEFOON: 6, h.URL: 5, h.POSTCODE: 4, h.ADRES: 3,
    h.INSTELLING: 3, h.DATUM: 2, h.PERSOON: 2, h.LEEFTIJD: 1, h.LOCATIE: 1, h.ID: 0,
}  # fmt: skip
_SOURCE_PRIORITY = {"identiteit": 30, "deduce": 0}

_TITLES = {
    "mevrouw", "mevr", "mw", "meneer", "mnr", "dhr", "heer", "de", "dr", "mr", "ir", "drs", "ing",
    "zus", "broer", "moeder", "vader", "zoon", "dochter", "oma", "opa",
}  # fmt: skip


_HOUR_AT_END = re.compile(r"\s\d{1,2}$")
_MINUTES = re.compile(r"[.:]\d{2}(?!\d)")


def _without_time(text: str, d: Detection) -> Detection:
    """deduce's '17 november 15' in '17 november 15.40': the date without the hour after it."""
    hour = _HOUR_AT_END.search(d.text)
    if hour and _MINUTES.match(text, d.end):
        return Detection(d.start, d.start + hour.start(), d.kind, d.text[: hour.start()], d.source, d.key)
    return d


class Replacement(NamedTuple):
    """One replaced span; ``start``/``end`` are offsets into the original text."""

    start: int
    end: int
    kind: str
    original: str
    replacement: str


@dataclass(frozen=True)
class PseudonymizedText:
    text: str
    replacements: list[Replacement]
    original: str = field(repr=False, default="")


@dataclass
class _Registry:
    """Pseudonym numbering for one client (or one call without a client key)."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)
    person_tokens: dict[str, frozenset[str]] = field(default_factory=dict)
    surrogator: Any = None  # verhalen.surrogaten.Surrogator, made on first surrogate use

    def number(self, label: str, key: str) -> int:
        if (label, key) not in self.numbers:
            self.counters[label] = self.counters.get(label, 0) + 1
            self.numbers[(label, key)] = self.counters[label]
        return self.numbers[(label, key)]

    def person_key(self, name: str) -> str:
        """Link 'Sandra' to an earlier 'Sandra de Vries' (token subset), else a new person."""
        tokens = _name_tokens(name)
        if not tokens:
            return h.fold(name)
        for key, known in self.person_tokens.items():
            if tokens <= known or known <= tokens:
                return key
        key = "naam:" + " ".join(sorted(tokens))
        self.person_tokens[key] = tokens
        return key


def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(
        t
        for t in (h.fold(x) for x in re.findall(r"\w+", name))
        if t not in _TITLES and t not in bekende_identiteiten.INTERFIXES and len(t) > 1
    )


def as_identities(known: Any) -> list[KnownIdentity]:
    """Accept a DataFrame (soort, waarde), pairs, KnownIdentity objects or {soort: waarde(s)}."""
    if known is None:
        return []
    if isinstance(known, pd.DataFrame):
        pairs = zip(known["soort"], known["waarde"], strict=True)
        return [KnownIdentity(str(s), str(w)) for s, w in pairs if pd.notna(w)]
    if isinstance(known, Mapping):
        out = []
        for soort, values in known.items():
            for value in [values] if isinstance(values, str) else values:
                out.append(KnownIdentity(str(soort), str(value)))
        return out
    out = []
    for item in known:
        out.append(
            item if isinstance(item, KnownIdentity) else KnownIdentity(str(item[0]), str(item[1]))
        )
    return out


def _deduce_kind(tag: str, text: str) -> str:
    tag = tag.lower()
    if "patient" in tag or "persoon" in tag or "naam" in tag or "initia" in tag:
        return h.PERSOON
    if "instelling" in tag or "ziekenhuis" in tag:
        return h.INSTELLING
    if "locatie" in tag or "straat" in tag or "huisnummer" in tag:
        return h.ADRES if re.search(r"\d", text) else h.LOCATIE
    for key, kind in (("datum", h.DATUM), ("leeftijd", h.LEEFTIJD), ("bsn", h.BSN),
                      ("telefoon", h.TELEFOON), ("email", h.EMAIL), ("url", h.URL)):  # fmt: skip
        if key in tag:
            return kind
    return h.ID


# A detection that lies wholly inside a public place name (a gemeente or wijk the report is
# about) is that place, whichever detector found it and whatever kind it guessed.
_PLAATS_SOORTEN = {h.LOCATIE, h.ADRES, h.PERSOON, h.INSTELLING}


def _inside_public_place(detection: Detection, spans: list[tuple[int, int]]) -> bool:
    """Wholly inside a public place name, or that name plus only a number ('Hushoven 2025' in
    a title is the wijk and a year, not a street and a house number)."""
    if detection.kind not in _PLAATS_SOORTEN:
        return False
    for start, end in spans:
        if start <= detection.start and detection.end <= end:
            return True
        if detection.start <= start and end <= detection.end:
            rest = detection.text[: start - detection.start] + detection.text[end - detection.start :]
            if not re.sub(r"[\d\s.,;:()\-–]", "", rest):
                return True
    return False


# what precedes a language: 'in het Engels', 'spreekt beter Engels', 'wel Engels en Duits'; a
# language that is also a first name ('Frans') only after what is said of languages alone
_LANGUAGE_SPOKEN = r"het|spreekt|spreken|sprak|praat|praten|verstaat|tolk|taal|beter|vloeiend|beetje"
_LANGUAGE_SPOKEN_BEFORE = re.compile(r"(?i)(?<![\w])(?:" + _LANGUAGE_SPOKEN + r")\s+$")
_LANGUAGE_BEFORE = re.compile(r"(?i)(?<![\w])(?:" + _LANGUAGE_SPOKEN + r"|wel|goed|weinig|alleen|ook|geen|en|of|dan|naar)\s+$")
_WIJK_BEFORE = re.compile(r"(?i)\b(?:de\s+)?(?:wijk|buurt)\s+$")
_POSTCODE_SHAPED = re.compile(r"[1-9]\d{3} ?[A-Za-z]{2}")
_AGE_RANGE_BEFORE = re.compile(r"(?i)(?:tussen|van|vanaf)\s+\d{1,3}\s*(?:en|tot|-|t/m)\s*$")


def _is_geography_or_word(d: Detection, text: str) -> bool:
    """A place name ('Brunssum', 'Kerkrade-West', 'Buren') or a dialect word ('Mien') that
    deduce took for a location or a name: public geography and ordinary words stay."""
    if d.kind == h.PERSOON and d.key is None and _WIJK_BEFORE.search(text, max(0, d.start - 12), d.start):
        return True  # 'de wijk Fatima': the wijk, not the woman (whoever found it)
    value = d.text.strip(" .,")
    f = h.fold(value)
    if d.kind == h.PERSOON and d.key is None and f in woorden.language_and_country_words():
        a_name = f in woorden.first_names_folded()
        if f in woorden.countries() and not a_name:
            return True  # 'Zoon woont in Duitsland'
        before = _LANGUAGE_SPOKEN_BEFORE if a_name else _LANGUAGE_BEFORE
        if " " in value or before.search(text, max(0, d.start - 16), d.start):
            return True  # 'uit Sierra Leone', 'in het Engels', 'wel Engels en Duits'; not 'mevrouw Engels', 'en Frans, de trainer'
    if d.source != "deduce" or d.key is not None:
        return False
    if d.kind == h.LEEFTIJD:  # 'jongeren tussen 12 en 23 jaar': an age group, not an age
        # '111 jaar schutterij': an anniversary (nobody here is older than 105)
        return bool(_AGE_RANGE_BEFORE.search(text[max(0, d.start - 25) : d.start])) or (
            value.isdigit() and int(value) > 105
        ) or h.is_age_limit_or_score(text, d.start, d.end)
    if d.kind == h.TELEFOON:
        return h.is_general_number(text, d.start, d.end) or h.is_service_number(d.text)
    if d.kind == h.BSN:  # 'Beschikkingsnummer: 202403117' passes the elfproef by chance
        return h.is_other_number(text, d.start)
    if d.kind == h.PERSOON and len(value) == 1:  # 'T: 14 046' (telefoon), not an initial
        return True
    if d.kind == h.LOCATIE:
        return woorden.is_place_name(value)
    if d.kind in (h.ADRES, h.POSTCODE) and _POSTCODE_SHAPED.fullmatch(value) and not any(p.start == d.start for p in h.find_postcodes(text)):
        return True  # 'sinds 2020 MS': a year and an abbreviation, which our postcode finder rules out
    if d.kind == h.ADRES and woorden.is_place_name(value.split()[-1]) and h.find_postcodes(value):
        return True  # '6131 BK Sittard': the postcode detector has the postcode; the place stays
    if d.kind == h.PERSOON:
        if value.startswith(("de ", "het ", "'t ")) and adressen.PLACE_PREPOSITION.search(text, max(0, d.start - 10), d.start):
            return True  # 'in de Kemp', 'oet de Kemp': a wijk (a person is 'mevrouw de Kemp', 'bij de Vries')
        words = [h.fold(w) for w in value.split()]
        if all(w in bekende_identiteiten.INTERFIXES or w in woorden.stop_words() for w in words):
            return True  # deduce's 'op de ' before a street
        if len(words) == 1 and woorden.zipf(value) >= woorden.VERY_COMMON and f not in woorden.first_names_folded():
            if f not in woorden.surnames_folded() or basis.sentence_start(text, d.start):
                return True  # 'Bas: Jongens niet zomaar namen noemen': a word every text has
        return f in woorden.DIALECT_WORDS or f in woorden.HOLIDAYS or woorden.is_place_name(value)
    return False


# 'wijkteam Stein', 'Buurtteam Kerkrade-West', 'Sociaal Wijkteam Heerlen-Noord': a team named after its area
_TEAM_AREA = re.compile(
    r"(?i)(?<![\w])(?:sociaal\s+)?(?:wijk|buurt|gebieds|jeugd|sociaal\s+|ouderen)team(?:\s+"
    r"(?-i:[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)*))?"
)


def _in_team_name(d: Detection, spans: list[tuple[int, int]]) -> bool:
    return d.kind == h.PERSOON and d.key is None and any(s <= d.start and d.end <= e for s, e in spans)


def _without_public(text: str, found: list[Detection]) -> list[Detection]:
    """Drop place names, dialect words and public bodies (UWV, Mondriaan as care provider);
    an organisation found as employer ('werkt bij Zuyderland') and known identities stay."""
    found = _without_lead_into_organisation([d for d in found if not _is_geography_or_word(d, text)])
    places = woorden.place_spans(text)  # 'Ubach over Worms'
    if places:
        found = [d for d in found if d.key is not None or not _inside_public_place(d, places)]
    teams = [m.span() for m in _TEAM_AREA.finditer(text)]
    if teams:
        found = [d for d in found if not _in_team_name(d, teams)]
    shops = publiek.shop_spans(text)
    if shops:  # 'Albert Heijn' is no person; deduce's 'Hema' no employer ('werkt bij de Hema' is found by ours)
        found = [d for d in found if d.key is not None or not (d.kind == h.PERSOON or d.source == "deduce")
                 or not any(s <= d.start and d.end <= e for s, e in shops)]
    found = _without_name_across_others(found, shops)
    spans = publiek.public_spans(text) + publiek.river_spans(text)
    if not spans:
        return found
    found = [c for d in found if (c := _cut_before_public(text, d, spans)) is not None]
    employers = [d for d in found if d.source == "organisatie-context"]

    def public(d: Detection) -> bool:
        if d.key is not None or d.source == "organisatie-context":
            return False
        if d.kind not in (h.PERSOON, h.LOCATIE, h.INSTELLING, h.ADRES):
            return False
        inside = any(s <= d.start and d.end <= e for s, e in spans)
        return inside and not any(x.start <= d.start and d.end <= x.end for x in employers)

    return [d for d in found if not public(d)]


_LINKING_WORDS = bekende_identiteiten.INTERFIXES | {"aan", "bij"}  # 'Albert Heijn op de Donderberg'


def _without_name_across_others(found: list[Detection], shops: list[tuple[int, int]]) -> list[Detection]:
    """'Albert Heijn op de Donderberg', read as one name with particles: a name whose every
    word but its linking words lies in a shop, organisation or street found by our patterns is no
    name; those stay, each apart ('bij sky op de Ambyerstraat' keeps 'sky')."""
    others = [(d.start, d.end) for d in found if d.source != "deduce" and d.kind in (h.INSTELLING, h.ADRES, h.LOCATIE)]
    others += shops  # 'bij de Albert Heijn op de Kissel mensen zoeken': the shop, where nobody works
    if not others:
        return found

    def across(d: Detection) -> bool:
        if d.kind != h.PERSOON or d.key is not None:
            return False
        words = [(d.start + m.start(), d.start + m.end()) for m in re.finditer(r"\S+", d.text) if m.group() not in _LINKING_WORDS]
        return bool(words) and all(any(os <= s and e <= oe for os, oe in others) for s, e in words)

    return [d for d in found if not across(d)]


def _without_lead_into_organisation(found: list[Detection]) -> list[Detection]:
    """deduce's "op 't Graaf Huyn College": a name made of particles before an organisation
    that was found as one is no name; only the article stays with the organisation (the
    replacement would swallow 'op')."""
    organisations = [d for d in found if d.kind == h.INSTELLING]
    if not organisations:
        return found
    out = []
    for d in found:
        o = next((o for o in organisations if d.start < o.start and o.end == d.end), None)
        if o is None or d.kind != h.PERSOON or d.source != "deduce" or d.key is not None:
            out.append(d)
            continue
        lead = d.text[: o.start - d.start]
        if not all(w.islower() or w in ("'t", "’t") for w in lead.split()):
            out.append(d)
            continue
        article = re.search(r"(?i)(?<![\w'’])(?:het|de|'t|’t)\s+$", lead)
        if article:  # 'het Graaf Huyn College': the article goes with the organisation
            start = d.start + article.start()
            out.append(Detection(start, o.end, h.INSTELLING, d.text[start - d.start :], "organisatie", None))
    return out


_LINK_AFTER_PUBLIC = re.compile(r"(?i)(?:[\s,;:.\-–]+(?:aan|op|in|bij|te|de|het|'t)(?!\w))*[\s,;:.\-–]+")


def _cut_before_public(text: str, d: Detection, spans: list[tuple[int, int]]) -> Detection | None:
    """'Truus van de Leger des Heils': the name ends where the public body begins; 'Wonen
    Limburg aan de Kapelaan Sarsstraat': it begins after the public body, if anything is left."""
    if d.kind != h.PERSOON or d.key is not None:
        return d
    for s, e in spans:
        if s <= d.start < e < d.end:
            link = _LINK_AFTER_PUBLIC.match(text, e, d.end)
            start = link.end() if link else e
            if start < d.end and text[start].isupper():
                return Detection(start, d.end, d.kind, text[start : d.end], d.source, d.key)
            return None
        if d.start < s < d.end <= e or (d.start < s and e <= d.end):
            end = s
            while True:
                head = text[d.start : end].rstrip()
                trimmed = re.sub(r"(?i)\s+(?:van|de|der|den|het|'t)$", "", head)
                if trimmed == head:
                    break
                end = d.start + len(trimmed)
            end = d.start + len(text[d.start : end].rstrip())
            if end > d.start:
                return Detection(d.start, end, d.kind, text[d.start : end], d.source, d.key)
    return d


def _patient(identities: list[KnownIdentity]):
    """deduce's own patient metadata, so its patient-name annotator helps too."""
    from verhalen.deduce_instance import import_deduce_quietly

    import_deduce_quietly()  # deduce's import would otherwise set the root logger to DEBUG
    from deduce.person import Person

    first = [i.waarde for i in identities if i.soort == "voornaam"]
    surname = next((i.waarde for i in identities if i.soort == "achternaam"), None)
    full = next((i.waarde for i in identities if i.soort == "naam"), None)
    if full and not (first and surname):
        parts = full.split()
        first = first or parts[:1]
        surname = surname or (" ".join(parts[1:]) or None)
    if not first and not surname:
        return None
    first_names = [t for f in first for t in f.split()]
    initials = "".join(f[0].upper() for f in first_names) or None
    return Person(first_names=first_names or None, surname=surname, initials=initials)


class Pseudonymizer:
    """Replace identifiers in Dutch story text by consistent placeholders.

    ``dates="maand"`` generalises dates to their month ('12 maart 2024' -> '[maart 2024]')
    instead of replacing them by ``[Datum-N]``. ``use_deduce=False`` runs only our own
    detectors (fast, for tests of the detectors). ``deduce`` lets a caller pass an instance;
    by default the process-wide one from :mod:`verhalen.deduce_instance` is used.
    """

    def __init__(
        self,
        *,
        dates: DateMode = "vervang",
        use_deduce: bool = True,
        fuzzy: bool = True,
        streets: Iterable[str] | None = None,
        deduce: Deduce | None = None,
        public_places: Iterable[str] = (),
    ) -> None:
        if dates not in ("vervang", "maand"):
            raise ValueError("dates moet 'vervang' of 'maand' zijn")
        self.dates = dates
        self.use_deduce = use_deduce
        self.fuzzy = fuzzy
        self.streets = tuple(streets) if streets is not None else None
        self._deduce = deduce
        self._registries: dict[Any, _Registry] = {}
        # names of gemeenten and wijken are public geography, not personal data: a location
        # that deduce finds inside one of them ('Brunssum' in 'Brunssum-Noord') stays
        places = {str(p) for p in public_places if p and str(p).strip()}
        self._public_places = (
            re.compile(r"(?<!\w)(?:" + basis.phrases_pattern(places, separators=False) + r")(?!\w)", re.IGNORECASE)
            if places
            else None
        )

    @property
    def deduce(self) -> Deduce:
        if self._deduce is None:
            from verhalen.deduce_instance import get_deduce

            self._deduce = get_deduce()
        return self._deduce

    def reset(self, client_key: Any = None) -> None:
        """Forget the pseudonym numbering of one client (or of all clients)."""
        if client_key is None:
            self._registries.clear()
        else:
            self._registries.pop(client_key, None)

    def registries(self, client_keys) -> dict[Any, _Registry]:
        """The pseudonym state of these clients (after texts were pseudonymised elsewhere,
        e.g. in a worker process: see :meth:`adopt`)."""
        return {k: self._registries[k] for k in client_keys if k in self._registries}

    def adopt(self, registries: dict[Any, _Registry]) -> None:
        """Continue from pseudonym state made by a copy of this pseudonymiser, so a client's
        later texts get the same pseudonyms as the texts that copy already did."""
        self._registries.update(registries)

    # -- detection ------------------------------------------------------------------------

    def detect_all(self, text: str, known_identities: Any = None) -> list[Detection]:
        """Every raw detection (deduce and ours), overlapping, unsorted."""
        identities = as_identities(known_identities)
        found = h.find_known_identities(text, identities, fuzzy=self.fuzzy) if identities else []
        found += h.find_all(text, self.streets)
        if self.use_deduce and text.strip():
            metadata = {}
            patient = _patient(identities)
            if patient is not None:
                metadata["patient"] = patient
            doc = self.deduce.deidentify(text, metadata=metadata or None)
            for a in doc.annotations:
                kind = _deduce_kind(a.tag, a.text)
                key = "client" if "patient" in a.tag.lower() else None
                d = Detection(a.start_char, a.end_char, kind, a.text, "deduce", key)
                if kind == h.PERSOON:
                    found += [_without_leading_word(p) for p in _split_sentences(d)]
                else:
                    found.append(_without_time(text, d) if kind == h.DATUM else d)
        # the labeller adds only where no pattern and no deduce found anything: 'mevrouw De
        # Vries' stays a person, even where the labeller reads 'De Vries' as a business
        found += [d for d in find_learned(text) if not any(o.start < d.end and d.start < o.end for o in found)]
        if self._public_places is not None:
            spans = [m.span() for m in self._public_places.finditer(text)]
            found = [d for d in found if not _inside_public_place(d, spans)]
        return _without_public(text, found)

    def detect(self, text: str, known_identities: Any = None) -> list[Detection]:
        """Non-overlapping spans to replace, with kind and key of their strongest detection."""
        return _join_same_key(text, _merge_overlapping(text, self.detect_all(text, known_identities)))

    # -- replacement ----------------------------------------------------------------------

    def pseudonymize(
        self,
        text: str,
        known_identities: Any = None,
        client_key: Any = None,
        *,
        style: Style = "labels",
        seed: int = 0,
        gemeente: str | None = None,
        avoid: frozenset[str] = frozenset(),
    ) -> PseudonymizedText:
        """Replace every identifier; the same client_key gives the same pseudonyms across texts.

        ``style="labels"`` writes tags for review ('[Persoon-1]'); ``style="surrogaat"``
        writes surrogates for publication (:mod:`verhalen.surrogaten`): a fictitious name, a
        street of ``gemeente``, the month of a date, an age band. Deterministic given ``seed``.
        ``avoid``: names (folded by :func:`verhalen.herkenners.fold`) a surrogate
        may not be, such as every known person's names: a fictitious name must not be a real
        one from the same records.
        """
        if style not in ("labels", "surrogaat"):
            raise ValueError("style moet 'labels' of 'surrogaat' zijn")
        identities = as_identities(known_identities)
        if client_key is None:
            registry = _Registry()
        else:
            registry = self._registries.setdefault(client_key, _Registry())
        self._register_identities(registry, identities)
        detections = self.detect(text, identities)

        if style == "surrogaat":
            from verhalen.surrogaten import Surrogator, render

            if registry.surrogator is None:
                registry.surrogator = Surrogator(seed=seed, gemeente=gemeente, avoid=avoid)

            new_text, rows = render(text, detections, registry.surrogator)
            return PseudonymizedText(new_text, [Replacement(*r) for r in rows], text)

        pieces: list[str] = []
        replacements: list[Replacement] = []
        position = 0
        for d in detections:
            replacement = self._placeholder(d, registry)
            pieces += [text[position : d.start], replacement]
            replacements.append(Replacement(d.start, d.end, d.kind, d.text, replacement))
            position = d.end
        pieces.append(text[position:])
        return PseudonymizedText("".join(pieces), replacements, text)

    def _register_identities(self, registry: _Registry, identities: list[KnownIdentity]) -> None:
        """The client is Persoon-1, then the relatives in the order given."""
        names = " ".join(i.waarde for i in identities if i.soort.lower() in h.NAME_KINDS)
        if names:
            registry.person_tokens.setdefault("client", _name_tokens(names))
            registry.number("Persoon", "client")
        for i in identities:
            if i.soort.lower() == "naaste":
                key = f"naaste:{h.fold(i.waarde.strip())}"
                registry.person_tokens.setdefault(key, _name_tokens(i.waarde))
                registry.number("Persoon", key)

    def _placeholder(self, d: Detection, registry: _Registry) -> str:
        label = LABELS.get(d.kind, "Nummer")
        if d.kind == h.DATUM and self.dates == "maand":
            month = h.month_label(d.text)
            if month:
                return f"[{month}]"
        if d.key is not None:
            key = d.key
        elif d.kind == h.PERSOON:
            key = registry.person_key(d.text)
        elif d.kind == h.TELEFOON:
            key = h.normalize_phone(d.text)
        elif d.kind in (h.BSN, h.IBAN, h.POSTCODE):
            key = re.sub(r"[\s.\-]", "", d.text).upper()
        else:
            key = re.sub(r"\s+", " ", h.fold(d.text)).strip(" .,")
        return f"[{label}-{registry.number(label, key)}]"

    # -- frames ---------------------------------------------------------------------------

    def pseudonymize_frame(
        self,
        verhalen: pd.DataFrame,
        identiteiten: pd.DataFrame | None = None,
        column: str = "tekst",
    ) -> pd.DataFrame:
        """A copy of a ``verhalen`` frame, ``column`` pseudonymised consistently per client_id."""
        out = verhalen.copy()
        has_client = "client_id" in out.columns
        texts = []
        for _, row in out.iterrows():
            client = row["client_id"] if has_client and pd.notna(row["client_id"]) else None
            known = None
            if identiteiten is not None and client is not None:
                known = identiteiten[identiteiten["client_id"] == client]
            value = row[column]
            text = "" if pd.isna(value) else str(value)
            texts.append(self.pseudonymize(text, known, client).text)
        out[column] = texts
        return out


def _merge_overlapping(text: str, detections: list[Detection]) -> list[Detection]:
    """Detections that overlap become one span over all of them, with the kind, source and
    key of the strongest; spans that only touch stay apart."""
    groups: list[tuple[int, list[Detection]]] = []  # (end of the group, its detections)
    for d in sorted(detections, key=lambda d: d.start):
        if groups and d.start < groups[-1][0]:
            end, members = groups[-1]
            groups[-1] = (max(end, d.end), members + [d])
        else:
            groups.append((d.end, [d]))
    merged = []
    for end, members in groups:
        best, start = max(members, key=_strength), members[0].start
        merged.append(Detection(start, end, best.kind, text[start:end], best.source, best.key))
    return merged


def _strength(d: Detection) -> tuple[int, int, int]:
    return (_KIND_PRIORITY.get(d.kind, 0), _SOURCE_PRIORITY.get(d.source, 10), d.end - d.start)


def _split_sentences(d: Detection) -> list[Detection]:
    """deduce glues adjacent names ('Sandra de Vries. Sandra'); split them at punctuation.

    Only after a word of three letters or more that is not a title, so 'dhr. Bakker' and
    'S. Bakker' stay whole.
    """
    cuts = []
    for m in re.finditer(r"(\w+)[.;,:!?]\s+", d.text):
        if len(m.group(1)) >= 3 and h.fold(m.group(1)) not in _TITLES:
            cuts.append((m.end(1), m.end()))
    if not cuts:
        return [d]
    parts, begin = [], 0
    for cut_start, cut_end in [*cuts, (len(d.text), len(d.text))]:
        piece = d.text[begin:cut_start]
        if piece.strip():
            parts.append(
                Detection(d.start + begin, d.start + cut_start, d.kind, piece, d.source, d.key)
            )
        begin = cut_end
    return parts


def _without_leading_word(d: Detection) -> Detection:
    """deduce's 'Volgens Dmitri': a capitalised ordinary word that opens the sentence is not
    part of the name after it (a title, 'mevrouw Bosch', a particle, 'De Vries', and a first
    name, 'Roos Janssen', stay: 'Bosch' alone would pass for a place)."""
    first = re.match(r"(\w+)\s+(?=\S)", d.text)
    if d.source != "deduce" or d.key is not None or not first:
        return d
    f = h.fold(first.group(1))
    if f in _TITLES or f in bekende_identiteiten.INTERFIXES or f in woorden.first_names_folded() or f in woorden.surnames_folded():
        return d
    if f not in woorden.everyday_words() and woorden.zipf(f) < woorden.VERY_COMMON:
        return d
    cut = first.end()
    return Detection(d.start + cut, d.end, d.kind, d.text[cut:], d.source, d.key)


def _join_same_key(text: str, spans: list[Detection]) -> list[Detection]:
    """'maria' + ' ' + 'janssen', both the client: one span, one placeholder."""
    out: list[Detection] = []
    for d in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and d.key is not None
            and prev.key == d.key
            and text[prev.end : d.start].strip() == ""
        ):
            out[-1] = Detection(
                prev.start, d.end, prev.kind, text[prev.start : d.end], prev.source, prev.key
            )
        else:
            out.append(d)
    return out
