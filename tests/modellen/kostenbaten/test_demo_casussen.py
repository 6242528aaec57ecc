"""Demo cases: valid documents, consistent with the client's events, reproducible."""

from __future__ import annotations

import json

import pandas as pd

from impact.demo.casussen import generate_cases
from modellen.kostenbaten.casus import Effectencalculator
from modellen.kostenbaten.casussen import CasussenAnalyse

INTERVENTIES = [
    "Schuldhulpverlening",
    "Wijkteam-ondersteuning",
    "Jongerenwerk",
    "Vroegsignalering betalingsachterstanden",
]


def _wereld(n: int = 40):
    clienten = pd.DataFrame(
        {
            "client_id": range(1, n + 1),
            "pseudoniem": [f"C{i:06d}" for i in range(1, n + 1)],
            "gemeente": "Weert",
            "wijk": "Moesel",
            "geboortejaar": 1980,
            "groep": ["interventie" if i % 4 else "vergelijking" for i in range(1, n + 1)],
        }
    )
    trajecten = pd.DataFrame(
        {
            "traject_id": range(1, n + 1),
            "client_id": range(1, n + 1),
            "interventie": [INTERVENTIES[i % 4] for i in range(n)],
            "start": pd.to_datetime("2024-02-01") + pd.to_timedelta(range(n), unit="D"),
            "eind": pd.NaT,
        }
    )
    soorten = ["betalingsachterstand", "werk_gevonden", "opname", "dreigende_uithuiszetting"]
    gebeurtenissen = pd.DataFrame(
        {
            "client_id": list(range(1, n + 1)) * 2,
            "datum": pd.to_datetime("2024-05-01").normalize()
            + pd.to_timedelta(range(2 * n), unit="D"),
            "soort": [soorten[i % 4] for i in range(2 * n)],
            "omschrijving": "gebeurtenis",
        }
    )
    return clienten, trajecten, gebeurtenissen


def test_cases_are_valid_and_consistent():
    clienten, trajecten, gebeurtenissen = _wereld()
    cases = generate_cases(clienten, trajecten, gebeurtenissen, seed=1, n=12)
    assert len(cases) == 12
    calc = Effectencalculator()
    resultaten = []
    for case in cases:
        case = json.loads(json.dumps(case, default=str))  # as stored in the database
        r = calc.fit(case)
        resultaten.append(r)
        cid = case["client_id"]
        assert clienten.loc[clienten["client_id"] == cid, "groep"].item() == "interventie"
        assert case["interventie"] != "Jongerenwerk"
        eigen = gebeurtenissen.loc[gebeurtenissen["client_id"] == cid]
        datums = {e["datum"] for e in case["scenarios"]["interventie"]["gebeurtenissen"]}
        assert datums == {d.date().isoformat() for d in eigen["datum"]}
        assert case["client"] in case["verhaal"]
        assert r.kosten("interventie") > 0
    assert CasussenAnalyse(n_bootstrap=500).fit(resultaten).n == 12


def test_cases_reproducible_by_seed():
    w = _wereld()
    assert generate_cases(*w, seed=3) == generate_cases(*w, seed=3)
    assert generate_cases(*w, seed=3) != generate_cases(*w, seed=4)
