"""Stories fit for a report: within their consent scope and pseudonymised.

When ``verhalen.pseudonimisering`` is available its pseudonymiser is used. Until then a simple,
honest rule set stands in, and the report says so:

1. only stories with consent ``geanonimiseerd_publiceren`` or ``publiceren_met_bron``;
2. every identity value known in the database (names, relatives, addresses, postcodes,
   BSN, phone numbers, e-mail addresses, dates of birth) of any client is replaced by a label;
3. patterns replace what the database does not know: e-mail addresses, BSN-like numbers of
   nine digits, Dutch phone numbers, postcodes and full dates.

Rule 2 only finds names the database knows; a name that is nowhere registered stays visible
under the fallback. That limitation is stated in every report that uses it.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass

import pandas as pd

PUBLICEERBAAR = ("geanonimiseerd_publiceren", "publiceren_met_bron")

_LABEL = {
    "voornaam": "[naam]",
    "achternaam": "[naam]",
    "naam": "[naam]",
    "naaste": "[naaste]",
    "adres": "[adres]",
    "postcode": "[postcode]",
    "woonplaats": None,
    "bsn": "[BSN]",
    "telefoon": "[telefoonnummer]",
    "email": "[e-mailadres]",
    "geboortedatum": "[datum]",
}
_PATRONEN = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mailadres]"),
    (re.compile(r"(?<!\d)\d{4}[ .]?\d{2}[ .]?\d{3}(?!\d)"), "[BSN]"),
    (re.compile(r"(?:\+31[\s-]?|0031[\s-]?|\b0)(?:6[\s-]?\d{8}|\d{2,3}[\s-]?\d{6,7})\b"), "[telefoonnummer]"),
    (re.compile(r"\b\d{4}\s?[A-Z]{2}\b"), "[postcode]"),
    (re.compile(r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b"), "[datum]"),
    (
        re.compile(
            r"\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|"
            r"oktober|november|december) \d{4}\b",
            re.IGNORECASE,
        ),
        "[datum]",
    ),
]


@dataclass
class Keuze:
    verhalen: pd.DataFrame  # publishable stories, tekst and titel pseudonymised
    methode: str  # in words, for the report
    module: str | None  # the module used, None for the fallback


def _module():
    try:
        return importlib.import_module("verhalen.pseudonimisering")
    except ImportError:
        return None


class _Regelset:
    """The fallback: known identities plus patterns."""

    def __init__(self, identiteiten: pd.DataFrame) -> None:
        waarden: dict[str, str] = {}
        if not identiteiten.empty:
            for soort, waarde in zip(identiteiten["soort"], identiteiten["waarde"], strict=False):
                label = _LABEL.get(str(soort), "[gegeven]")
                if label is None or not isinstance(waarde, str) or len(waarde.strip()) < 2:
                    continue
                waarden[waarde.strip()] = label
                # A full name also appears as its parts ("Jan de Vries" -> "de Vries").
                if soort in ("naam", "naaste"):
                    for deel in waarde.split():
                        if len(deel) > 2 and deel[0].isupper():
                            waarden.setdefault(deel, label)
        volgorde = sorted(waarden, key=len, reverse=True)
        self._labels = waarden
        self._patroon = (
            re.compile(r"(?<!\w)(" + "|".join(map(re.escape, volgorde)) + r")(?!\w)") if volgorde else None
        )

    def __call__(self, tekst: str) -> str:
        if not isinstance(tekst, str):
            return ""
        for patroon, label in _PATRONEN[:1]:
            tekst = patroon.sub(label, tekst)
        if self._patroon is not None:
            tekst = self._patroon.sub(lambda m: self._labels[m.group(1)], tekst)
        for patroon, label in _PATRONEN[1:]:
            tekst = patroon.sub(label, tekst)
        return tekst


_REGELSETS: dict[int, _Regelset] = {}


def _regelset(identiteiten: pd.DataFrame) -> _Regelset:
    sleutel = id(identiteiten)
    if sleutel not in _REGELSETS:
        _REGELSETS.clear()
        _REGELSETS[sleutel] = _Regelset(identiteiten)
    return _REGELSETS[sleutel]


def publiceerbaar(verhalen: pd.DataFrame) -> pd.DataFrame:
    """Only stories whose consent allows publication (never 'intern')."""
    if verhalen.empty:
        return verhalen
    return verhalen[verhalen["toestemming"].isin(PUBLICEERBAAR)].reset_index(drop=True)


def pseudonimiseer(verhalen: pd.DataFrame, identiteiten: pd.DataFrame) -> Keuze:
    """Pseudonymise ``titel`` and ``tekst`` of the stories about to be shown.

    With ``verhalen.pseudonimisering`` its Pseudonymizer runs first (deduce plus the story's
    own client's identities); the rule set runs after it in every case, because a story can
    name another client whom only the whole identity table knows.
    """
    df = publiceerbaar(verhalen).copy()
    if df.empty:
        return Keuze(df, "", None)
    module = _module()
    gebruikt = None
    storing = None
    if module is not None and hasattr(module, "Pseudonymizer"):
        # gemeenten and wijken stay readable: they are what a wijkverhaal is about
        places = pd.concat([verhalen.get(c, pd.Series(dtype=object)) for c in ("gemeente", "wijk")])
        p = module.Pseudonymizer(dates="maand", public_places=places.dropna().unique())
        try:
            df = p.pseudonymize_frame(df, identiteiten, column="tekst")
            df = p.pseudonymize_frame(df, identiteiten, column="titel")
            gebruikt = "verhalen.pseudonimisering"
        except Exception as fout:  # noqa: BLE001 - the rule set below still runs
            storing = f"{type(fout).__name__}: {fout}"
    regels = _regelset(identiteiten)
    df["tekst"] = df["tekst"].map(regels)
    df["titel"] = df["titel"].map(regels)
    if gebruikt is None:
        methode = (
            "Verhalen zijn gepseudonimiseerd met een eenvoudige regelset: alleen verhalen "
            "met toestemming om (geanonimiseerd) te publiceren; alle namen, adressen, "
            "BSN's, telefoonnummers en e-mailadressen die in de database bekend zijn, zijn "
            "vervangen, en patronen voor e-mail, BSN, telefoon, postcode en datum ook. "
            "Namen die nergens geregistreerd zijn, vindt deze regelset niet; de module "
            "verhalen.pseudonimisering is nog niet beschikbaar."
        )
        if storing:
            methode = methode.replace("is nog niet beschikbaar", f"gaf een fout ({storing})")
    else:
        methode = (
            "Alleen verhalen met toestemming om (geanonimiseerd) te publiceren. Namen, "
            "adressen, nummers en datums zijn vervangen door verhalen.pseudonimisering "
            "(deduce en eigen herkenners), daarna nog eens alle in de database bekende "
            "persoonsgegevens van alle cliënten."
        )
    return Keuze(df.reset_index(drop=True), methode, gebruikt)


_ONTHOUDEN = " Citaten zijn weggelaten: de verhalen zijn niet als gepseudonimiseerd gemarkeerd."


def kies_voor_publicatie(
    verhalen: pd.DataFrame,
    n: int,
    coderingen: pd.DataFrame | None = None,
    code_id: str | None = None,
    groepen: pd.DataFrame | None = None,
    groep: object = None,
    n_contrast: int = 0,
    spreiding: tuple[str, ...] = ("gemeente", "wijk"),
    seed: int = 0,
) -> tuple[pd.DataFrame, str]:
    """Choose stories with ``verhalen.exemplaren.kies_exemplaren`` for a publication (never
    'intern'); returns the chosen rows, still to be pseudonymised by :func:`pseudonimiseer`
    before anything is shown, and the selection rule in words."""
    from verhalen.exemplaren import kies_exemplaren

    if verhalen.empty:
        return verhalen, ""
    verhalen = verhalen.drop_duplicates("tekst")  # two identical notes show nothing new side by side
    keuze = kies_exemplaren(
        verhalen,
        "geanonimiseerd_publiceren",
        coderingen,
        code_id=code_id,
        groepen=groepen,
        groep=groep,
        n=n,
        n_contrast=n_contrast,
        spreiding=spreiding,
        seed=seed,
    )
    ids = keuze.verhalen["verhaal_id"].tolist()
    gekozen = verhalen.set_index("verhaal_id", drop=False).loc[ids].reset_index(drop=True)
    # exemplaren withholds its quotes because the stories are not yet pseudonymised; the report
    # pseudonymises the whole chosen story itself (pseudonimiseer), so that sentence is dropped
    return publiceerbaar(gekozen), keuze.regel.replace(_ONTHOUDEN, "")
