"""One demo world and one set of reports per test session (building them is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

KLEINE_INTERVENTIE = "Proefinterventie klein"
SCRIPT = "<script>alert('xss')</script>"
ARTEFACTEN = Path(__file__).resolve().parents[2] / "test-artefacten"


def _genereer(seed: int, n: int):
    try:
        from impact.demo import generate
    except ImportError:
        from impact.demo.generator import generate
    return generate(seed, n)


def plant(wereld):
    """A group of exactly 3 clients in their own intervention, and hostile / identifying stories."""
    w = wereld
    drie = w.clienten.loc[w.clienten["groep"] == "interventie", "client_id"].iloc[:3].tolist()
    nieuw_id = int(w.interventies["interventie_id"].max()) + 1
    w.interventies = pd.concat(
        [
            w.interventies,
            pd.DataFrame(
                [
                    {
                        "interventie_id": nieuw_id,
                        "naam": KLEINE_INTERVENTIE,
                        "databank_erkenning": None,
                        "doelgroep": "test",
                        "omschrijving": "drie cliënten",
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    w.trajecten = w.trajecten.copy()
    rijen = w.trajecten["client_id"].isin(drie)
    w.trajecten.loc[rijen, "interventie"] = KLEINE_INTERVENTIE
    w.trajecten.loc[rijen, "interventie_id"] = nieuw_id

    ident = w.identiteiten
    slachtoffer = int(w.clienten["client_id"].iloc[10])
    mijn = ident[ident["client_id"] == slachtoffer].groupby("soort")["waarde"].first()
    client = w.clienten.set_index("client_id").loc[slachtoffer]
    tekst = (
        f"{mijn['naam']} (BSN {mijn['bsn']}) belde vanaf {mijn['telefoon']} "
        f"en mailde {mijn['email']} over de schulden. {SCRIPT} Het gaat nu beter, "
        "de rekeningen zijn betaald."
    )
    extra = pd.DataFrame(
        [
            {
                "verhaal_id": -2,
                "titel": f"Verhaal met {SCRIPT}",
                "tekst": tekst,
                "soort": "clientverhaal",
                "datum": pd.Timestamp("2025-05-01"),
                "auteur_rol": "client",
                "client_id": slachtoffer,
                "gemeente": client["gemeente"],
                "wijk": client["wijk"],
                "interventie_id": pd.NA,
                "toestemming": "geanonimiseerd_publiceren",
            },
            {
                "verhaal_id": -1,
                "titel": "Wijkverhaal <b>vet</b>",
                "tekst": tekst + " Buren helpen.",
                "soort": "wijkverhaal",
                "datum": pd.Timestamp("2025-06-01"),
                "auteur_rol": "burger",
                "client_id": pd.NA,
                "gemeente": client["gemeente"],
                "wijk": client["wijk"],
                "interventie_id": pd.NA,
                "toestemming": "geanonimiseerd_publiceren",
            },
            {
                "verhaal_id": -3,
                "titel": "Intern verhaal GEHEIM-INTERN",
                "tekst": "GEHEIM-INTERN schuld",
                "soort": "clientverhaal",
                "datum": pd.Timestamp("2025-06-01"),
                "auteur_rol": "professional",
                "client_id": slachtoffer,
                "gemeente": client["gemeente"],
                "wijk": client["wijk"],
                "interventie_id": pd.NA,
                "toestemming": "intern",
            },
        ]
    )
    basis = w.verhalen if not w.verhalen.empty else None
    w.verhalen = pd.concat([extra, basis], ignore_index=True) if basis is not None else extra
    w.verhalen["client_id"] = w.verhalen["client_id"].astype("Int64")
    w.verhalen["interventie_id"] = w.verhalen["interventie_id"].astype("Int64")
    return w, drie


@pytest.fixture(scope="session")
def wereld():
    """The planted world with the published version of its stories, made as ``impact
    importeer`` and ``impact demo`` make it: reports never pseudonymise themselves."""
    from verhalen.publicatie import publiceer

    w, _ = plant(_genereer(2026, 400))
    return publiceer(w)


@pytest.fixture(scope="session")
def rapporten_map(tmp_path_factory, wereld) -> Path:
    """All reports (HTML, PDF, XLSX) written once per test run, shared by xdist workers."""
    import fcntl
    import os

    import rapporten

    basis = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        basis = basis.parent
    uit = basis / "rapporten-gedeeld"
    with open(basis / "rapporten.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        try:
            if not (uit / "klaar").exists():
                rapporten.alle_rapporten(wereld, uit, pdf=True, xlsx=True)
                (uit / "klaar").touch()
        finally:
            fcntl.flock(slot, fcntl.LOCK_UN)
    return uit
