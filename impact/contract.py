"""The data contract: the tidy tables every room reads, their vocabularies and units.

One place for what the rooms must agree on: which tables exist, which consent values,
story kinds and author roles are valid, what a month is, and how the analysis frame
(metingen + client + first traject + months since start) is built. Pure: no I/O.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas only in annotations: importing the contract stays cheap
    import pandas as pd

# Tidy tables, as ``impact.store.read`` returns them and as a demo world or a dict of
# DataFrames provides them. ``identiteiten`` is read only for pseudonymisation.
TABELLEN = (
    "clienten",
    "identiteiten",
    "interventies",
    "trajecten",
    "metingen",
    "gebeurtenissen",
    "verhalen",
    "prijslijst",
    "casussen",
    "codes",
    "coderingen",
)

# Consent scopes of a story, from narrow to wide, and which scopes a use may draw on.
TOESTEMMINGEN = ("intern", "geanonimiseerd_publiceren", "publiceren_met_bron")
TOESTEMMING_PER_GEBRUIK = {
    "intern": frozenset(TOESTEMMINGEN),
    "geanonimiseerd_publiceren": frozenset({"geanonimiseerd_publiceren", "publiceren_met_bron"}),
    "publiceren_met_bron": frozenset({"publiceren_met_bron"}),
}
TOESTEMMING_LABELS = {
    "intern": "intern gebruik",
    "geanonimiseerd_publiceren": "geanonimiseerd publiceren",
    "publiceren_met_bron": "publiceren met bron",
}

VERHAAL_SOORTEN = ("casusnotitie", "clientverhaal", "wijkverhaal", "msc_verhaal", "casusbeschrijving")
AUTEUR_ROLLEN = ("professional", "client", "naaste", "student", "burger")
# Levels of the erkenningstraject, lowest first, as the Erkenningscommissie Interventies of
# Movisie, NJi and Loket Gezond Leven (RIVM) name them; "niet beoordeeld" when an intervention
# is in no databank or was never assessed.
ERKENNING = (
    "goed beschreven",
    "goed onderbouwd",
    "effectief volgens eerste aanwijzingen",
    "effectief volgens goede aanwijzingen",
    "effectief volgens sterke aanwijzingen",
    "niet beoordeeld",
)
# The databank an intervention's erkenning was given in, and its full name.
DATABANKEN = {
    "Movisie": "Databank Effectieve sociale interventies, Movisie",
    "NJi": "Databank Effectieve jeugdinterventies, Nederlands Jeugdinstituut",
    "Loket Gezond Leven": "Interventiedatabase Gezond en Actief Leven, Loket Gezond Leven (RIVM)",
}
# Vroegsignalering (Wet gemeentelijke schuldhulpverlening), as ``soort`` values of
# gebeurtenissen: the signal of a payment arrear a vastelastenpartner sends the gemeente, by the
# kind of arrear, and the steps that may follow it, in funnel order. A step belongs to the most
# recent signal of the same client on or before its date.
VROEGSIGNALEN = {
    "signaal_huurachterstand": "huur",
    "signaal_energieachterstand": "energie",
    "signaal_waterachterstand": "water",
    "signaal_zorgverzekering": "zorgverzekering",
}
VROEGSIGNALERING_STAPPEN = ("contact_gelegd", "hulp_geaccepteerd", "achterstand_opgelost")
# Who pays or who benefits (actor), in every price list, case and cost-benefit result.
FINANCIERS = (
    "gemeente",
    "zorgverzekeraar",
    "Rijk",
    "politie/justitie",
    "woningcorporatie",
    "werkgever",
    "burger",
)
IDENTITEIT_SOORTEN = (
    "voornaam",
    "achternaam",
    "naam",
    "naaste",
    "adres",
    "postcode",
    "woonplaats",
    "bsn",
    "telefoon",
    "email",
    "geboortedatum",
)

# The demo world marks its organisations with this suffix, so every report made from its data,
# from memory or from a database, can say that the data are synthetic.
SYNTHETISCH = " (synthetische demo)"

# A month is a twelfth of a Julian year, everywhere a duration in months is computed.
DAGEN_PER_MAAND = 365.25 / 12


def maanden_tussen(begin: pd.Series, eind: pd.Series) -> pd.Series:
    """Months (fractional) from ``begin`` to ``eind``, element-wise."""
    return (eind - begin).dt.days / DAGEN_PER_MAAND


def analyse_frame(metingen: pd.DataFrame, clienten: pd.DataFrame, trajecten: pd.DataFrame) -> pd.DataFrame:
    """Metingen with client attributes and the client's first traject, plus months since start.

    ``maanden`` counts from the first traject's start, or from the client's first measurement
    when the client has no traject (the comparison group may have none). Only measurements of
    clients in ``clienten`` are kept, so filtering the clients filters the frame.
    """
    if metingen.empty:
        return metingen.copy()
    clienten = clienten.drop(columns=["organisatie_id"], errors="ignore")
    tr = trajecten.sort_values(["client_id", "start", "traject_id"])
    eerste = tr.drop_duplicates("client_id")[["client_id", "interventie", "start", "eind"]]
    eerste = eerste.rename(columns={"start": "traject_start", "eind": "traject_eind"})
    frame = metingen.merge(clienten, on="client_id", how="inner").merge(eerste, on="client_id", how="left")
    oorsprong = frame["traject_start"].fillna(frame.groupby("client_id")["datum"].transform("min"))
    frame["maanden"] = maanden_tussen(oorsprong, frame["datum"])
    return frame


def _canonical(value: object) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return str(value)


def vingerafdruk(tabellen: dict[str, pd.DataFrame]) -> str:
    """SHA-256 over a canonical CSV rendering of every table (names, columns and rows sorted).

    The same data give the same fingerprint whatever the database or row order; nested
    content (a case document) counts with its keys sorted, so changing one case's hours
    changes the fingerprint.
    """
    digest = hashlib.sha256()
    for naam in sorted(tabellen):
        frame = tabellen[naam]
        digest.update(naam.encode())
        if frame is None or frame.empty:
            continue
        frame = frame.reindex(columns=sorted(frame.columns, key=str))
        tekst = frame.map(_canonical)
        tekst = tekst.sort_values(list(tekst.columns), kind="mergesort")
        digest.update(tekst.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return digest.hexdigest()
