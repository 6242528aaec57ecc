"""Stories ready for a publication: within consent, pseudonymised by the one pseudonymiser.

A report never shows a story's stored text. It shows what :func:`publiceerbaar` returns: only
stories whose consent covers publication (:func:`verhalen.exemplaren.binnen_toestemming`),
with ``titel`` and ``tekst`` run through :class:`verhalen.pseudonimisering.Pseudonymizer`.
The pseudonymiser knows the story's own client's identities, and every identity of another
client that literally occurs in the text (a story may name a neighbour who is a client too):
those count as other people, so they get their own placeholder. Names of gemeenten and
wijken pass as public geography. An error in the pseudonymiser is raised, never swallowed.
"""

from __future__ import annotations

import re

import pandas as pd

from verhalen.exemplaren import binnen_toestemming, kies_exemplaren
from verhalen.pseudonimisering import Pseudonymizer

PUBLICATIE = "geanonimiseerd_publiceren"
_NAAM_SOORTEN = frozenset({"naam", "voornaam", "achternaam"})


def publiceerbaar(verhalen: pd.DataFrame) -> pd.DataFrame:
    """The stories whose consent covers an (anonymised) publication."""
    if verhalen.empty:
        return verhalen.copy()
    return binnen_toestemming(verhalen, PUBLICATIE).reset_index(drop=True)


class _AndereClienten:
    """Finds, per text, the known identities of clients other than the story's own."""

    def __init__(self, identiteiten: pd.DataFrame) -> None:
        self._rijen = identiteiten
        waarden = sorted(
            {str(w).strip() for w in identiteiten.get("waarde", pd.Series(dtype=object)).dropna()
             if len(str(w).strip()) >= 2},
            key=len,
            reverse=True,
        )
        self._patroon = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, waarden)) + r")(?!\w)", re.IGNORECASE)
            if waarden
            else None
        )

    def in_tekst(self, tekst: str, eigen_client: object) -> pd.DataFrame:
        if self._patroon is None or not tekst:
            return self._rijen.iloc[0:0]
        gevonden = {m.group(0).casefold() for m in self._patroon.finditer(tekst)}
        if not gevonden:
            return self._rijen.iloc[0:0]
        rijen = self._rijen[self._rijen["waarde"].astype(str).str.strip().str.casefold().isin(gevonden)]
        if eigen_client is not None:
            rijen = rijen[rijen["client_id"] != eigen_client]
        # another client is another person: a name of theirs is numbered apart from the client
        return rijen.assign(soort=rijen["soort"].where(~rijen["soort"].isin(_NAAM_SOORTEN), "naaste"))


def _zonder_pseudoniemen(tekst: str, patroon: re.Pattern | None) -> str:
    """A client's pseudonym (C000123) says nothing to a reader and ties a story to a record:
    in a publication it becomes 'de cliënt' ('De cliënt' at the start of a sentence)."""
    if patroon is None:
        return tekst

    def vervang(m: re.Match) -> str:
        voor = tekst[: m.start()].rstrip()
        return "De cliënt" if not voor or voor[-1] in ".!?:\n" else "de cliënt"

    return patroon.sub(vervang, tekst)


def pseudonimiseer(
    verhalen: pd.DataFrame,
    identiteiten: pd.DataFrame,
    publieke_plaatsen: tuple[str, ...] = (),
    pseudoniemen: tuple[str, ...] = (),
    *,
    stijl: str = "surrogaat",
    seed: int = 0,
) -> pd.DataFrame:
    """``titel`` and ``tekst`` of the given stories pseudonymised, consistently per client;
    client pseudonyms (``pseudoniemen``) become 'de cliënt'. The stories are not filtered here.

    ``stijl="surrogaat"`` (the default for publication) writes fictitious names, streets of
    the story's gemeente, dates as their month (and year) and ages as a band, so the story
    still reads; ``stijl="labels"`` writes review tags ('[Persoon-1]', dates to their month).
    Deterministic given ``seed``. An error in the pseudonymiser is raised, never swallowed."""
    if stijl not in ("surrogaat", "labels"):
        raise ValueError("stijl moet 'surrogaat' of 'labels' zijn")
    uit = verhalen.copy()
    if uit.empty:
        return uit
    codes = sorted({str(p) for p in pseudoniemen if str(p).strip()}, key=len, reverse=True)
    codepatroon = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, codes)) + r")(?!\w)") if codes else None
    leeg = pd.DataFrame(columns=["client_id", "soort", "waarde"])
    identiteiten = identiteiten if not identiteiten.empty else leeg
    pseudonymizer = Pseudonymizer(dates="maand", public_places=publieke_plaatsen)
    anderen = _AndereClienten(identiteiten)
    heeft_client = "client_id" in uit.columns
    heeft_gemeente = "gemeente" in uit.columns
    for kolom in ("tekst", "titel"):
        teksten = []
        for _, rij in uit.iterrows():
            client = rij["client_id"] if heeft_client and pd.notna(rij["client_id"]) else None
            tekst = "" if pd.isna(rij[kolom]) else str(rij[kolom])
            eigen = identiteiten[identiteiten["client_id"] == client] if client is not None else leeg
            bekend = pd.concat([eigen, anderen.in_tekst(tekst, client)], ignore_index=True)
            gemeente = rij["gemeente"] if heeft_gemeente and pd.notna(rij["gemeente"]) else None
            sleutel = client if client is not None else ("verhaal", rij.get("verhaal_id", _))
            tekst = pseudonymizer.pseudonymize(
                tekst,
                bekend[["soort", "waarde"]],
                sleutel if stijl == "surrogaat" else client,
                style="labels" if stijl == "labels" else "surrogaat",
                seed=seed,
                gemeente=str(gemeente) if gemeente is not None else None,
            ).text
            teksten.append(_zonder_pseudoniemen(tekst, codepatroon))
        uit[kolom] = teksten
    return uit.reset_index(drop=True)


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
    """Exemplars for a publication (:func:`verhalen.exemplaren.kies_exemplaren`, never
    'intern'), and the selection rule in words.

    The chosen rows still carry their stored text: pass them through :func:`pseudonimiseer`
    before anything is shown. Two identical notes say nothing new side by side, so duplicates
    are dropped first.
    """
    if verhalen.empty:
        return verhalen, ""
    verhalen = verhalen.drop_duplicates("tekst")
    keuze = kies_exemplaren(
        verhalen,
        PUBLICATIE,
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
    # exemplaren withholds quotes from stories not marked pseudonymised; the report
    # pseudonymises each chosen story whole (pseudonimiseer), so that sentence does not apply
    return publiceerbaar(gekozen), keuze.regel.replace(_ONTHOUDEN, "")
