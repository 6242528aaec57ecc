"""Dutch narratives for the demo world, consistent with each client's figures."""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.demo.personen import People

VERHAAL_COLUMNS = [
    "verhaal_id", "titel", "tekst", "soort", "datum", "auteur_rol", "client_id", "gemeente",
    "wijk", "interventie_id", "toestemming",
]


def identities(people: People, client_id: np.ndarray) -> pd.DataFrame:
    """Every fake identifier of every client, one row per (client, soort, waarde)."""
    parts = []
    for soort, values in (
        ("voornaam", people.voornaam), ("achternaam", people.achternaam), ("naam", people.naam),
        ("naaste", people.naaste), ("adres", people.adres), ("postcode", people.postcode),
        ("woonplaats", people.woonplaats), ("bsn", people.bsn), ("telefoon", people.mobiel),
        ("telefoon", people.vast), ("email", people.email),
        ("geboortedatum", people.geboortedatum),
    ):
        present = values != ""
        parts.append(pd.DataFrame({
            "client_id": client_id[present],
            "soort": soort,
            "waarde": values[present],
        }))
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(["client_id"], kind="stable", ignore_index=True)
    out["soort"] = out["soort"].astype(object).astype("str")
    return out


def story_frame(records: dict[str, list]) -> pd.DataFrame:
    """The verhalen table with the contract's dtypes (ids 1-based, nullable client/interventie)."""
    n = len(records["tekst"])
    frame = pd.DataFrame({
        "verhaal_id": np.arange(1, n + 1, dtype=np.int64),
        "titel": pd.array(records["titel"], dtype="str"),
        "tekst": pd.array(records["tekst"], dtype="str"),
        "soort": pd.array(records["soort"], dtype="str"),
        "datum": np.asarray(records["datum"], dtype="datetime64[D]").astype("datetime64[ns]"),
        "auteur_rol": pd.array(records["auteur_rol"], dtype="str"),
        "client_id": pd.array(records["client_id"], dtype="Int64"),
        "gemeente": pd.array(records["gemeente"], dtype="str"),
        "wijk": pd.array(records["wijk"], dtype="str"),
        "interventie_id": pd.array(records["interventie_id"], dtype="Int64"),
        "toestemming": pd.array(records["toestemming"], dtype="str"),
    })
    return frame


def stories(rng, course, people, gemeente, wijk, ev_c, ev_date, ev_kind) -> pd.DataFrame:
    return story_frame({c: [] for c in VERHAAL_COLUMNS})
