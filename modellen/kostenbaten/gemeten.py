"""A programme MKBA whose reach, deadweight and drop-off come from the measured data.

Per outcome of a programme document that names a ``domein`` (of ``instrument``, default
ZRM), from the tidy analysis frame and the trajecten of the programme's ``interventie``:

- reach: the clients with a traject of the interventie in the period; ``aantal`` = reach x
  the share of its measured clients reliably improved on the domain (Jacobson-Truax RCI,
  first to last measurement up to uitstroom, so that what happens after uitstroom is counted
  once, in the drop-off; :class:`modellen.betrouwbare_verandering.BetrouwbareVerandering`);
- deadweight: the share reliably improved in the comparison group (clients with groep
  "vergelijking" or without a traject) divided by that share in the interventiegroep;
- drop-off: one minus the share of clients reliably improved at uitstroom who are still
  reliably improved about a year later (:func:`modellen.duurzaamheid.behoud_na_uitstroom`);
- attributie and verplaatsing: always the file's. A comparison group answers "what would have
  happened anyway" (deadweight); which part of the remaining change is owed to other
  organisations' help is not in these data, so no comparison-based estimate is made.

A parameter the data cannot support (no comparison group, nobody measured a year after
uitstroom) keeps the file's value, and the provenance says why. The arithmetic is
:func:`modellen.kostenbaten.programma.uitkomst_uit_longitudinaal`; this module only selects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from impact.errors import Problem, UserInputError
from modellen.betrouwbare_verandering import BetrouwbareVerandering, find_instrument
from modellen.duurzaamheid import behoud_na_uitstroom
from modellen.kostenbaten.programma import Path_, uitkomst_uit_longitudinaal

GEMETEN_VELDEN = ("aantal", "deadweight", "attributie", "drop_off")
UIT_BESTAND, UIT_GEGEVENS = "uit het bestand", "uit de gegevens"
VERBETERD = ("verbeterd", "hersteld")
HERKOMST_KOLOMMEN = ["index", "uitkomst", "domein", "parameter", "herkomst", "reden", "n_clienten",
                     "toelichting"]
# why a parameter kept the file's value (column ``reden``)
GEEN_DOMEIN, GEEN_VERGELIJKING, GEEN_FOLLOW_UP, NIET_UIT_VERGELIJKING = (
    "geen_domein", "geen_vergelijkingsgroep", "geen_follow_up", "niet_uit_vergelijking")


@dataclass
class GemetenProgramma:
    """The programme document with measured values filled in, and where each came from."""

    document: dict
    herkomst: pd.DataFrame  # HERKOMST_KOLOMMEN: one row per outcome and GEMETEN_VELDEN entry
    interventie: str
    bereik: int  # clients of the interventie in the period
    periode: tuple[pd.Timestamp, pd.Timestamp] | None


def _regel(regels: Mapping[Path_, int] | None, path: Path_) -> int | None:
    regels = regels or {}
    while path and path not in regels:
        path = path[:-1]
    return regels.get(path)


def _in_periode(trajecten: pd.DataFrame, periode) -> pd.DataFrame:
    if periode is None:
        return trajecten
    begin, eind = periode
    return trajecten[(trajecten["start"] <= eind) & (trajecten["eind"].isna() | (trajecten["eind"] >= begin))]


def _vergelijkingsgroep(analyse: pd.DataFrame, bereikt: pd.Index, periode) -> pd.Index:
    """Clients with groep 'vergelijking' or without a traject, first measured in the period."""
    geen_traject = analyse["interventie"].isna() if "interventie" in analyse else False
    groep = analyse["groep"] if "groep" in analyse else pd.Series(None, index=analyse.index)
    kandidaten = analyse[(groep == "vergelijking") | geen_traject]
    if periode is not None and not kandidaten.empty:
        eerste = kandidaten.groupby("client_id")["datum"].min()
        kandidaten = kandidaten[kandidaten["client_id"].map(eerste).between(*periode)]
    return pd.Index(kandidaten["client_id"].unique()).difference(bereikt)


def programma_uit_gegevens(
    document: Mapping,
    analyse: pd.DataFrame,
    trajecten: pd.DataFrame,
    *,
    periode: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    periode_tekst: str | None = None,
    bestand: str = "programma",
    regels: Mapping[Path_, int] | None = None,
) -> GemetenProgramma:
    """Fill reach, deadweight and drop-off of every outcome with a ``domein`` (module doc).

    ``analyse``: the analysis frame (client_id, instrument, domein, datum, score, bron, groep,
    interventie); ``trajecten``: client_id, interventie, start, eind. ``periode_tekst`` is
    how the period is named in the provenance (e.g. '1 januari 2024 t/m 31 december 2024').
    """
    interventie = str(document.get("interventie") or "").strip()
    if not interventie:
        raise UserInputError(
            Problem(bestand, _regel(regels, ("naam",)), "interventie",
                    "de naam van de interventie waarvan de cliënten gemeten zijn (nodig voor --uit-data)")
        )
    bekend = sorted(trajecten["interventie"].dropna().astype(str).unique()) if not trajecten.empty else []
    if interventie not in bekend:
        raise UserInputError(
            Problem(bestand, _regel(regels, ("interventie",)), "interventie",
                    f"een interventie met trajecten in de database ({', '.join(bekend) or 'geen'})",
                    interventie)
        )
    eigen = _in_periode(trajecten[trajecten["interventie"] == interventie], periode)
    eigen = eigen.sort_values(["client_id", "start"]).drop_duplicates("client_id")
    bereikt = pd.Index(eigen["client_id"].unique())
    if bereikt.empty:
        raise UserInputError(
            Problem(bestand, _regel(regels, ("interventie",)), "interventie",
                    "cliënten met een traject in de gekozen periode", interventie)
        )
    vergelijking = _vergelijkingsgroep(analyse, bereikt, periode)
    waar = f"{len(bereikt)} cliënten van {interventie}" + (f", {periode_tekst}" if periode_tekst else "")
    uitkomsten, herkomst = [], []
    for k, post in enumerate(document.get("uitkomsten") or []):
        if not isinstance(post, Mapping) or not post.get("domein"):
            uitkomsten.append(post)
            if isinstance(post, Mapping):
                herkomst += [_uit_bestand(k, post, veld, GEEN_DOMEIN, "geen domein opgegeven") for veld in GEMETEN_VELDEN]
            continue
        nieuw, rijen = _uitkomst(
            dict(post), k, analyse, eigen, bereikt, vergelijking, waar, bestand, regels
        )
        uitkomsten.append(nieuw)
        herkomst += rijen
    gevuld = {**document, "uitkomsten": uitkomsten}
    return GemetenProgramma(
        gevuld, pd.DataFrame(herkomst, columns=HERKOMST_KOLOMMEN), interventie, len(bereikt), periode
    )


def _domeinnaam(instrument: str, domein: str) -> str:
    try:
        namen = {d.code: d.naam for d in find_instrument(instrument).domeinen}
    except UserInputError:  # an own instrument: its code is all we know here
        return domein
    return namen.get(domein, domein)


def _uit_bestand(k: int, post: Mapping, veld: str, reden: str, waarom: str) -> dict:
    return {"index": k, "uitkomst": post.get("naam"), "domein": post.get("domein"), "parameter": veld,
            "herkomst": UIT_BESTAND, "reden": reden, "n_clienten": None, "toelichting": waarom}


def _uit_gegevens(k: int, naam: str, domein: str, veld: str, n: int, toelichting: str) -> dict:
    return {"index": k, "uitkomst": naam, "domein": domein, "parameter": veld,
            "herkomst": UIT_GEGEVENS, "reden": None, "n_clienten": n, "toelichting": toelichting}


def _uitkomst(
    post: dict, k: int, analyse: pd.DataFrame, eigen: pd.DataFrame, bereikt: pd.Index,
    vergelijking: pd.Index, waar: str, bestand: str, regels,
) -> tuple[dict, list[dict]]:
    domein, instrument = str(post["domein"]), str(post.get("instrument") or "ZRM")
    metingen = analyse[(analyse["instrument"] == instrument) & (analyse["domein"] == domein)]
    if "bron" in metingen:
        metingen = metingen[metingen["bron"].fillna("professional") == "professional"]
    metingen = metingen[metingen["client_id"].isin(bereikt.union(vergelijking))]
    if metingen.empty:
        raise UserInputError(
            Problem(bestand, _regel(regels, ("uitkomsten", k, "domein")), f"uitkomsten.{k}.domein",
                    f"een domein van {instrument} met metingen van deze cliënten", domein)
        )
    # the outcome is the change up to uitstroom; what happens after it is the drop-off
    uitstroom = eigen.set_index("client_id")["eind"]
    na_uitstroom = metingen["datum"] > metingen["client_id"].map(uitstroom)
    rci = BetrouwbareVerandering(domein="domein", instrument=instrument).fit(
        metingen[~na_uitstroom], bron="metingen"
    )
    per_client = rci.per_client
    verbetering = pd.DataFrame({
        "groep": per_client["client_id"].map(
            lambda c: "interventie" if c in bereikt else "vergelijking"),
        "betrouwbaar_verbeterd": per_client["categorie"].isin(VERBETERD),
    })
    n_i = int((verbetering["groep"] == "interventie").sum())
    n_v = int((verbetering["groep"] == "vergelijking").sum())
    if n_i == 0:
        raise UserInputError(
            Problem(bestand, _regel(regels, ("uitkomsten", k, "domein")), f"uitkomsten.{k}.domein",
                    "cliënten van de interventie met minstens twee metingen op dit domein", domein)
        )
    drempel = float(rci.parameters["kleinste_betrouwbare_verandering"].iloc[0])
    na = metingen[metingen["client_id"].isin(bereikt)].assign(
        _uitstroom=lambda d: d["client_id"].map(uitstroom))
    behoud = behoud_na_uitstroom(
        na, drempel=drempel, uitstroom="_uitstroom", hoger_is_beter=rci.hoger_is_beter, bron="metingen"
    )
    gemeten = uitkomst_uit_longitudinaal(
        verbetering,
        naam=str(post.get("naam") or f"uitkomst {k + 1}"),
        waarde=post.get("waarde"),
        begunstigde=post.get("begunstigde"),
        duur=post.get("duur", 1),
        n_clienten=len(bereikt),
        follow_up=behoud if len(behoud) else None,
        attributie=post.get("attributie", 0.0),
        verplaatsing=post.get("verplaatsing", 0.0),
        bron_metingen=f"gemeten ({waar}; {instrument} {_domeinnaam(instrument, domein)})",
        verbeterd_tekst="betrouwbaar verbeterd",
    )
    nieuw = {**post, **{v: gemeten[v] for v in ("aantal", "deadweight", "drop_off")}}
    naam = gemeten["naam"]
    rijen = [_uit_gegevens(k, naam, domein, "aantal", len(bereikt), gemeten["aantal"]["bron"])]
    if n_v:
        rijen.append(_uit_gegevens(k, naam, domein, "deadweight", n_v, gemeten["deadweight"]["bron"]))
    else:
        nieuw["deadweight"] = post.get("deadweight", 0.0)
        rijen.append(_uit_bestand(k, post, "deadweight", GEEN_VERGELIJKING,
                                  "geen gemeten vergelijkingsgroep in de gegevens"))
    rijen.append(_uit_bestand(
        k, post, "attributie", NIET_UIT_VERGELIJKING,
        "de vergelijkingsgroep zegt wat zonder traject was gebeurd (deadweight), niet welk deel "
        "van de rest aan andere hulp te danken is"))
    if len(behoud):
        rijen.append(_uit_gegevens(k, naam, domein, "drop_off", len(behoud), gemeten["drop_off"]["bron"]))
    else:
        nieuw["drop_off"] = post.get("drop_off", 0.0)
        rijen.append(_uit_bestand(
            k, post, "drop_off", GEEN_FOLLOW_UP, "geen verbeterde cliënt een jaar na uitstroom gemeten"))
    return nieuw, rijen
