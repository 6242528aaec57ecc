"""Stories ready for a publication: within consent, pseudonymised once, at ingest.

A report never shows a story's stored text. It shows what :func:`gepubliceerd` returns: the
published version made when the story entered the database (``impact importeer verhalen``,
``impact demo``; remade by ``impact verhalen pseudonimiseer --db``) by :func:`publiceer_verhalen`,
for the stories :func:`publiceerbaar` lets through (consent covers publication,
:func:`verhalen.exemplaren.binnen_toestemming`). Reports therefore never load deduce.

The pseudonymiser (:class:`verhalen.pseudonimisering.Pseudonymizer`) knows the story's own
client's identities, and every identity of another client that literally occurs in the text
(a story may name a neighbour who is a client too): those count as other people, so they get
their own placeholder. Names of gemeenten and wijken pass as public geography. An error in
the pseudonymiser is raised, never swallowed.

What is stored per story (:data:`KOLOMMEN`): ``titel_publicatie``, ``tekst_publicatie``,
``regelset_publicatie`` (:data:`REGELSET`, the rule set that made it) and
``vervangingen_publicatie``: the replaced spans of the original ``tekst`` as
``[start, eind, nieuwe_lengte]``, so that a fragment of the original (a coded quote) can be cut
from the published text (:func:`citaat`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from importlib import resources
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from impact.errors import UserInputError
from impact.parallel import aantal_werkers, verdeel
from verhalen.exemplaren import binnen_toestemming, kies_exemplaren
from verhalen.herkenners import fold
from verhalen.pseudonimisering import Pseudonymizer

PUBLICATIE = "geanonimiseerd_publiceren"
_NAAM_SOORTEN = frozenset({"naam", "voornaam", "achternaam"})


def publiceerbaar(verhalen: pd.DataFrame) -> pd.DataFrame:
    """The stories whose consent covers an (anonymised) publication."""
    if verhalen.empty:
        return verhalen.copy()
    return binnen_toestemming(verhalen, PUBLICATIE).reset_index(drop=True)


# Version of the publication rules; raise it when detectors or surrogates change what a
# published story says. REGELSET adds deduce's version and a hash of the lists used.
REGELVERSIE = "6"  # raise with every change of the rules: stories published before are refused
KOLOMMEN = ("titel_publicatie", "tekst_publicatie", "regelset_publicatie", "vervangingen_publicatie")
# a case document (Effectencalculator) keeps its published description under these keys
CASUS_TEKST, CASUS_REGELSET = "verhaal_publicatie", "verhaal_regelset"
_LIJSTEN = ("namen_nl.csv", "namen_ook_woord.txt", "publieke_instellingen.txt", "bekende_organisaties.txt",
            "winkelketens.txt", "straten_regio.csv", "crf_persoonsgegevens.crfsuite")


def _regelset() -> str:
    digest = hashlib.sha256()
    data = resources.files("verhalen.data")
    for naam in _LIJSTEN:
        if data.joinpath(naam).is_file():
            digest.update(naam.encode() + b"\0" + data.joinpath(naam).read_bytes())
    try:
        deduce = version("deduce")
    except PackageNotFoundError:  # pragma: no cover - deduce is a dependency
        deduce = "?"
    return f"{REGELVERSIE}+deduce{deduce}+{digest.hexdigest()[:12]}"


REGELSET = _regelset()

Vervangingen = list[list[int]]  # [start, eind, nieuwe_lengte] per replaced span of the original


_WOORD_OF_TEKEN = re.compile(r"\w+|[^\w\s]")


class _Woordenlijst:
    """Where values occur in a text as a whole (not inside a longer word); the longest value
    wins where several start at one place. Values are looked up by their first word, so a text
    costs one pass over its words, however many values there are."""

    def __init__(self, waarden, *, hoofdletters_gelijk: bool) -> None:
        self._vouw = str.casefold if hoofdletters_gelijk else (lambda tekst: tekst)
        per_woord: dict[str, set[str]] = {}
        for waarde in waarden:
            sleutel = self._vouw(waarde)
            per_woord.setdefault(_WOORD_OF_TEKEN.match(sleutel).group(0), set()).add(sleutel)
        self._per_eerste_woord = {w: sorted(v, key=len, reverse=True) for w, v in per_woord.items()}

    def __bool__(self) -> bool:
        return bool(self._per_eerste_woord)

    def vind(self, tekst: str) -> list[tuple[int, int, str]]:
        """(start, eind, waarde as folded) of each occurrence, left to right, not overlapping."""
        uit: list[tuple[int, int, str]] = []
        einde = 0
        for woord in _WOORD_OF_TEKEN.finditer(tekst):
            begin = woord.start()
            kandidaten = self._per_eerste_woord.get(self._vouw(woord.group(0)))
            if begin < einde or not kandidaten or (begin and _is_woordteken(tekst[begin - 1])):
                continue
            for waarde in kandidaten:
                stop = begin + len(waarde)
                if self._vouw(tekst[begin:stop]) == waarde and (stop == len(tekst) or not _is_woordteken(tekst[stop])):
                    uit.append((begin, stop, waarde))
                    einde = stop
                    break
        return uit


class _AndereClienten:
    """Finds, per text, the known identities of clients other than the story's own."""

    def __init__(self, identiteiten: pd.DataFrame) -> None:
        self._rijen: dict[str, list[tuple[int, object, str, str]]] = {}  # with the row's position
        if {"client_id", "soort", "waarde"} <= set(identiteiten.columns):
            kolommen = identiteiten[["client_id", "soort", "waarde"]].itertuples(index=False)
            for positie, (client, soort, waarde) in enumerate(kolommen):
                if pd.isna(waarde) or len(str(waarde).strip()) < 2:
                    continue
                tekst = str(waarde).strip()
                self._rijen.setdefault(tekst.casefold(), []).append((positie, client, soort, tekst))
        self._lijst = _Woordenlijst(self._rijen, hoofdletters_gelijk=True)

    def in_tekst(self, tekst: str, eigen_client: object) -> list[tuple[str, str]]:
        """(soort, waarde) of each other client's identity in the text; a name is 'naaste'."""
        if not self._lijst or not tekst:
            return []
        gevonden = {waarde for _, _, waarde in self._lijst.vind(tekst)}
        rijen = sorted(r for waarde in gevonden for r in self._rijen[waarde])  # in table order
        # another client is another person: a name of theirs is numbered apart from the client.
        # Many clients share a value (a woonplaats, a first name): once is enough.
        uit: dict[tuple[str, str], None] = {}
        for _, client, soort, origineel in rijen:
            if eigen_client is None or client != eigen_client:
                uit[("naaste" if soort in _NAAM_SOORTEN else soort, origineel)] = None
        return list(uit)


def _is_woordteken(teken: str) -> bool:
    return teken.isalnum() or teken == "_"


def _echte_namen(identiteiten: pd.DataFrame) -> frozenset[str]:
    """Every known person's names and their words, folded: no surrogate may be one of them."""
    if not {"soort", "waarde"} <= set(identiteiten.columns):
        return frozenset()
    namen = identiteiten.loc[identiteiten["soort"].isin(_NAAM_SOORTEN | {"naaste"}), "waarde"].dropna().astype(str)
    return frozenset(fold(deel) for naam in namen for deel in (naam.strip(), *naam.split()) if deel)


def _zonder_pseudoniemen(tekst: str, codes: _Woordenlijst) -> tuple[str, Vervangingen]:
    """A client's pseudonym (C000123) says nothing to a reader and ties a story to a record:
    in a publication it becomes 'de cliënt' ('De cliënt' at the start of a sentence)."""
    if not codes:
        return tekst, []
    stukken: list[str] = []
    spans: Vervangingen = []
    positie = 0
    for begin, eind, _ in codes.vind(tekst):
        voor = tekst[:begin].rstrip()
        nieuw = "De cliënt" if not voor or voor[-1] in ".!?:\n" else "de cliënt"
        stukken += [tekst[positie:begin], nieuw]
        spans.append([begin, eind, len(nieuw)])
        positie = eind
    stukken.append(tekst[positie:])
    return "".join(stukken), spans


def _heen(spans: Vervangingen, positie: int) -> int:
    """Where a position of the original lies in the new text (a position at a span's edge or
    outside every span; inside a span it maps to the start of its replacement)."""
    verschuiving = 0
    for start, eind, lengte in spans:
        if eind <= positie:
            verschuiving += lengte - (eind - start)
        elif start < positie:
            return start + verschuiving
        else:
            break
    return positie + verschuiving


def _samen(eerste: Vervangingen, tweede: Vervangingen) -> Vervangingen:
    """Two rounds of replacement (``tweede`` on the output of ``eerste``) as one round on the
    original: overlapping spans merge, so a quote never cuts through either."""
    if not tweede:
        return [list(s) for s in eerste]
    terug = []  # the second round's spans in original coordinates
    for start2, eind2, _ in tweede:
        start, eind = _terug(eerste, start2, links=True), _terug(eerste, eind2, links=False)
        terug.append([start, eind])
    gebieden = sorted([[s, e] for s, e, _ in eerste] + terug)
    samengevoegd: list[list[int]] = []
    for start, eind in gebieden:
        if samengevoegd and start < samengevoegd[-1][1]:
            samengevoegd[-1][1] = max(samengevoegd[-1][1], eind)
        else:
            samengevoegd.append([start, eind])
    uit = []
    for start, eind in samengevoegd:
        nieuw_start = _heen(tweede, _heen(eerste, start))
        nieuw_eind = _heen(tweede, _heen(eerste, eind))
        uit.append([start, eind, nieuw_eind - nieuw_start])
    return uit


def _terug(spans: Vervangingen, positie: int, *, links: bool) -> int:
    """A position of the new text back in the original; inside a replacement it widens to the
    replaced span's start (``links``) or end."""
    verschuiving = 0
    for start, eind, lengte in spans:
        nieuw_start = start + verschuiving
        if positie <= nieuw_start:
            break
        if positie < nieuw_start + lengte:
            return start if links else eind
        if positie == nieuw_start + lengte:
            return eind
        verschuiving += lengte - (eind - start)
    return positie - verschuiving


def citaat(
    origineel: str, gepubliceerd: str, vervangingen: Sequence[Sequence[int]], start: int, eind: int
) -> str:
    """The published text of the fragment ``origineel[start:eind]`` (a coded quote).

    ``vervangingen`` are the story's replaced spans (``[start, eind, nieuwe_lengte]`` in the
    original). A fragment that begins or ends inside a replaced span takes the whole
    replacement, so a surrogate is never cut in half and no original character leaks.
    """
    spans = sorted([int(a), int(b), int(c)] for a, b, c in (vervangingen or []))
    start, eind = max(0, int(start)), min(len(origineel), int(eind))
    if eind <= start:
        return ""
    nieuw_start = _heen(spans, start)
    nieuw_eind = _heen(spans, eind)
    for s, e, n in spans:  # an end inside a span reaches the end of its replacement
        if s < eind < e:
            nieuw_eind = _heen(spans, s) + n
    return gepubliceerd[nieuw_start:nieuw_eind].strip()


class _Publicist:
    """One Pseudonymizer and the known identities, for every story of one run."""

    def __init__(
        self,
        identiteiten: pd.DataFrame | None,
        publieke_plaatsen: tuple[str, ...],
        pseudoniemen: tuple[str, ...],
        pseudonymizer: Pseudonymizer | None = None,
    ) -> None:
        self.codes = _Woordenlijst({str(p) for p in pseudoniemen if str(p).strip()}, hoofdletters_gelijk=False)
        identiteiten = identiteiten if identiteiten is not None else pd.DataFrame()
        self.per_client: dict[object, list[tuple[str, str]]] = {}
        if {"client_id", "soort", "waarde"} <= set(identiteiten.columns):
            for client, soort, waarde in identiteiten[["client_id", "soort", "waarde"]].itertuples(index=False):
                self.per_client.setdefault(client, []).append((soort, waarde))
        self.pseudonymizer = pseudonymizer or Pseudonymizer(dates="maand", public_places=publieke_plaatsen)
        self.anderen = _AndereClienten(identiteiten)
        self.echte_namen = _echte_namen(identiteiten)

    def maak(
        self, tekst: str, client: object, sleutel: object, gemeente: str | None, stijl: str, seed: int
    ) -> tuple[str, Vervangingen]:
        eigen = self.per_client.get(client, []) if client is not None else []
        bekend = pd.DataFrame(eigen + self.anderen.in_tekst(tekst, client), columns=["soort", "waarde"])
        uit = self.pseudonymizer.pseudonymize(
            tekst,
            bekend,
            sleutel if stijl == "surrogaat" else client,
            style="labels" if stijl == "labels" else "surrogaat",
            seed=seed,
            gemeente=gemeente,
            avoid=self.echte_namen,
        )
        eerste = [[r.start, r.end, len(r.replacement)] for r in uit.replacements]
        tekst2, tweede = _zonder_pseudoniemen(uit.text, self.codes)
        return tekst2, _samen(eerste, tweede)

    def kolommen(self, verhalen: pd.DataFrame, stijl: str, seed: int) -> dict[str, tuple[list[str], list]]:
        """Per column (tekst, then titel, in that order for consistent surrogates): texts, spans.

        The texts are spread over the cores (:mod:`impact.parallel`) with every text of one
        client in the same worker, in the order one pass would take them, so the surrogates
        are the same as in one pass; the workers' pseudonym state comes back afterwards, so a
        later text of a client (a case description) continues from it."""
        heeft_client = "client_id" in verhalen.columns
        heeft_gemeente = "gemeente" in verhalen.columns
        kolommen = [k for k in ("tekst", "titel") if k in verhalen.columns]
        klussen: list[tuple[str, object, object, str | None]] = []  # (text, client, key, gemeente)
        for kolom in kolommen:
            for positie, (_, rij) in enumerate(verhalen.iterrows()):
                client = rij["client_id"] if heeft_client and pd.notna(rij["client_id"]) else None
                tekst = "" if pd.isna(rij[kolom]) else str(rij[kolom])
                gemeente = rij["gemeente"] if heeft_gemeente and pd.notna(rij["gemeente"]) else None
                sleutel = client if client is not None else ("verhaal", rij.get("verhaal_id", positie))
                klussen.append((tekst, client, sleutel, str(gemeente) if gemeente is not None else None))
        if self.pseudonymizer.use_deduce:
            self.pseudonymizer.deduce  # noqa: B018 - loaded once here, then shared by the workers

        def doe(deel: list[int]) -> tuple[list[tuple[int, str, Vervangingen]], dict]:
            uit = []
            for i in deel:
                tekst, client, sleutel, gemeente = klussen[i]
                uit.append((i, *self.maak(tekst, client, sleutel, gemeente, stijl, seed)))
            return uit, self.pseudonymizer.registries({klussen[i][2] for i in deel})

        resultaat: list[tuple[str, Vervangingen] | None] = [None] * len(klussen)
        for _, (gedaan, registers) in verdeel(doe, _per_sleutel(klussen, 4 * aantal_werkers())):
            for i, tekst, vervangen in gedaan:
                resultaat[i] = (tekst, vervangen)
            self.pseudonymizer.adopt(registers)
        n = len(verhalen)
        return {
            kolom: ([t for t, _ in resultaat[j * n : (j + 1) * n]], [v for _, v in resultaat[j * n : (j + 1) * n]])
            for j, kolom in enumerate(kolommen)
        }


def _per_sleutel(klussen: list[tuple], delen: int) -> list[list[int]]:
    """The jobs in at most ``delen`` parts of about equal text length, every job of one key in
    one part, each part in the original order."""
    per_sleutel: dict[object, list[int]] = {}
    for i, klus in enumerate(klussen):
        per_sleutel.setdefault(klus[2], []).append(i)
    groepen = sorted(per_sleutel.values(), key=lambda g: -sum(len(klussen[i][0]) for i in g))
    lasten = [0] * max(1, delen)
    uit: list[list[int]] = [[] for _ in lasten]
    for groep in groepen:  # the longest first, each to the lightest part
        j = lasten.index(min(lasten))
        uit[j] += groep
        lasten[j] += sum(len(klussen[i][0]) for i in groep)
    return [sorted(deel) for deel in uit if deel]


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
    publicist = _Publicist(identiteiten, publieke_plaatsen, pseudoniemen)
    for kolom, (teksten, _) in publicist.kolommen(uit, stijl, seed).items():
        uit[kolom] = teksten
    return uit.reset_index(drop=True)


def publiceer_verhalen(
    verhalen: pd.DataFrame,
    identiteiten: pd.DataFrame | None,
    publieke_plaatsen: tuple[str, ...] = (),
    pseudoniemen: tuple[str, ...] = (),
    *,
    alleen_publiceerbaar: bool = True,
    pseudonymizer: Pseudonymizer | None = None,
    publicist: _Publicist | None = None,
    seed: int = 0,
) -> pd.DataFrame:
    """The stories with their published version in :data:`KOLOMMEN` (surrogate style).

    Made for the stories whose consent covers publication (``alleen_publiceerbaar``); the
    others get empty columns: no report may show them, so pseudonymising them would cost time
    for nothing (consent is part of the import; a changed consent is a new import, or run
    ``impact verhalen pseudonimiseer --db``). One Pseudonymizer for all stories; pass one in
    to share deduce across calls, or pass a ``publicist`` (:func:`publicist`) to share the
    prepared identities too. Row order and index are kept.
    """
    uit = verhalen.copy()
    for kolom in KOLOMMEN:
        uit[kolom] = pd.Series([None] * len(uit), index=uit.index, dtype=object)
    if uit.empty:
        return uit
    kies = binnen_toestemming(uit, PUBLICATIE).index if alleen_publiceerbaar else uit.index
    if len(kies) == 0:
        return uit
    publicist = publicist or _Publicist(identiteiten, publieke_plaatsen, pseudoniemen, pseudonymizer)
    kolommen = publicist.kolommen(uit.loc[kies], "surrogaat", seed)
    teksten, spans = kolommen["tekst"]
    uit.loc[kies, "tekst_publicatie"] = pd.Series(teksten, index=kies, dtype=object)
    uit.loc[kies, "vervangingen_publicatie"] = pd.Series(spans, index=kies, dtype=object)
    if "titel" in kolommen:
        uit.loc[kies, "titel_publicatie"] = pd.Series(kolommen["titel"][0], index=kies, dtype=object)
    else:
        uit.loc[kies, "titel_publicatie"] = ""
    uit.loc[kies, "regelset_publicatie"] = REGELSET
    return uit


def publiceer_casus(
    document: dict,
    identiteiten: pd.DataFrame | None,
    publieke_plaatsen: tuple[str, ...] = (),
    pseudoniemen: tuple[str, ...] = (),
    *,
    pseudonymizer: Pseudonymizer | None = None,
    publicist: _Publicist | None = None,
) -> dict:
    """A copy of an Effectencalculator case document with its published description
    (``verhaal_publicatie``, ``verhaal_regelset``): a case description is written for
    publication, so it is pseudonymised whatever the consent."""
    uit = dict(document)
    tekst = str(uit.get("verhaal") or "")
    client = uit.get("client_id")
    frame = pd.DataFrame([{"verhaal_id": 0, "titel": "", "tekst": tekst, "client_id": client}])
    frame = publiceer_verhalen(
        frame,
        identiteiten,
        publieke_plaatsen,
        pseudoniemen,
        alleen_publiceerbaar=False,
        pseudonymizer=pseudonymizer,
        publicist=publicist,
    )
    uit[CASUS_TEKST] = frame.at[0, "tekst_publicatie"] if tekst.strip() else ""
    uit[CASUS_REGELSET] = REGELSET
    return uit


def publiceer(
    wereld, identiteiten: pd.DataFrame | None = None, *, pseudonymizer: Pseudonymizer | None = None
):
    """The one explicit step for data that do not come from the database: a world (an
    ``impact.demo`` world, or a dict of DataFrames) gets the published version of every
    publishable story and case description, made as ``impact importeer`` makes them.

    Pass a world and it is changed in place and returned (``identiteiten``, client pseudonyms
    and places from the world); pass a ``verhalen`` frame and ``identiteiten`` and a new frame
    comes back. Loads deduce: do this before building reports, not inside one.
    """
    if isinstance(wereld, pd.DataFrame):
        return publiceer_verhalen(
            wereld,
            identiteiten if identiteiten is not None else pd.DataFrame(),
            publieke_plaatsen=_plaatsen(wereld),
            pseudonymizer=pseudonymizer,
        )
    lees = wereld.get if isinstance(wereld, dict) else (lambda naam: getattr(wereld, naam, None))
    zet = wereld.__setitem__ if isinstance(wereld, dict) else (lambda naam, w: setattr(wereld, naam, w))
    verhalen = lees("verhalen")
    clienten = lees("clienten")
    ident = identiteiten if identiteiten is not None else lees("identiteiten")  # None: no known identities
    codes = (
        tuple(clienten["pseudoniem"].dropna().astype(str))
        if clienten is not None and "pseudoniem" in clienten
        else ()
    )
    plaatsen = _plaatsen(verhalen, clienten)
    eén = publicist(ident, plaatsen, codes, pseudonymizer=pseudonymizer)
    if verhalen is not None:
        zet("verhalen", publiceer_verhalen(verhalen, ident, plaatsen, codes, publicist=eén))
    casussen = lees("casussen")
    if isinstance(casussen, list):
        zet("casussen", [publiceer_casus(c, ident, plaatsen, codes, publicist=eén) for c in casussen])
    elif isinstance(casussen, pd.DataFrame) and "inhoud" in casussen.columns:
        casussen = casussen.copy()
        casussen["inhoud"] = [publiceer_casus(c, ident, plaatsen, codes, publicist=eén) for c in casussen["inhoud"]]
        zet("casussen", casussen)
    return wereld


def publicist(
    identiteiten: pd.DataFrame | None,
    publieke_plaatsen: tuple[str, ...] = (),
    pseudoniemen: tuple[str, ...] = (),
    *,
    pseudonymizer: Pseudonymizer | None = None,
) -> _Publicist:
    """The pseudonymiser with the known identities prepared once, for publishing many stories
    and case descriptions of one database or world (pass it as ``publicist=``)."""
    pseudonymizer = pseudonymizer or Pseudonymizer(dates="maand", public_places=publieke_plaatsen)
    return _Publicist(identiteiten, publieke_plaatsen, pseudoniemen, pseudonymizer)


def _plaatsen(*frames: pd.DataFrame | None) -> tuple[str, ...]:
    """Names of gemeenten and wijken: public geography, what a wijkverhaal is about."""
    reeksen = [f[k] for f in frames if f is not None for k in ("gemeente", "wijk") if k in f.columns]
    if not reeksen:
        return ()
    return tuple(sorted(pd.concat(reeksen).dropna().astype(str).unique()))


def gepubliceerd(verhalen: pd.DataFrame) -> pd.DataFrame:
    """These stories with ``titel`` and ``tekst`` replaced by their stored published version.

    Refuses (a Dutch :class:`impact.errors.UserInputError`) when a story has no published
    version, or one made by another rule set than this version's (:data:`REGELSET`: an
    improved pseudonymiser must reach stories published before it): a report never
    pseudonymises, and never shows a stored text."""
    if verhalen.empty:
        return verhalen.copy()
    if "tekst_publicatie" not in verhalen.columns:
        _weiger(verhalen, "nog geen gepubliceerde (gepseudonimiseerde) versie")
    _weiger(verhalen[verhalen["tekst_publicatie"].isna()], "nog geen gepubliceerde (gepseudonimiseerde) versie")
    if "regelset_publicatie" in verhalen.columns:
        _weiger(
            verhalen[verhalen["regelset_publicatie"] != REGELSET],
            "een gepubliceerde versie die met een oudere versie van de pseudonimisering is gemaakt",
        )
    uit = verhalen.copy()
    uit["tekst"] = uit["tekst_publicatie"].astype(str)
    if "titel_publicatie" in uit.columns:
        uit["titel"] = uit["titel_publicatie"].where(uit["titel_publicatie"].notna(), "").astype(str)
    return uit.reset_index(drop=True)


def _weiger(verhalen: pd.DataFrame, wat: str) -> None:
    if verhalen.empty:
        return
    ids = [str(v) for v in verhalen.get("verhaal_id", pd.Series(range(len(verhalen))))]
    lijst = ", ".join(ids[:10]) + (f" en nog {len(ids) - 10}" if len(ids) > 10 else "")
    wie = "1 verhaal met toestemming om te publiceren heeft" if len(ids) == 1 else (
        f"{len(ids)} verhalen met toestemming om te publiceren hebben"
    )
    raise UserInputError(
        f"{wie} {wat} (verhaal_id {lijst}); draai `impact verhalen pseudonimiseer --db` en maak "
        "het rapport daarna opnieuw"
    )


def casus_gepubliceerd(document: dict) -> str:
    """The stored published description of a case document; refuses like :func:`gepubliceerd`."""
    tekst = str(document.get("verhaal") or "")
    if not tekst.strip():
        return ""
    naam = document.get("naam") or "zonder naam"
    if document.get(CASUS_TEKST) is None or document.get(CASUS_REGELSET) not in (None, REGELSET):
        wat = "nog geen" if document.get(CASUS_TEKST) is None else "een met een oudere pseudonimisering gemaakte"
        raise UserInputError(
            f"de casusbeschrijving van casus '{naam}' heeft {wat} gepubliceerde "
            "(gepseudonimiseerde) versie; draai `impact verhalen pseudonimiseer --db` en maak het "
            "rapport daarna opnieuw"
        )
    return str(document[CASUS_TEKST])


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
