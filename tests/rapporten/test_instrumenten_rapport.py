"""From a user's files to the report sections: one section per instrument (an own instrument,
the ZRM by professionals, Positieve Gezondheid and the ZRM by clients themselves) in the
verantwoording, client and professional side by side in the dialoog, the clients' own mark
on the page for citizens."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score

INSTRUMENT = """\
code: WELZIJN
naam: Welzijnsmeter
schaal_min: 0
schaal_max: 40
richting: lager_is_beter
betrouwbaarheid: 0.9
domeinen:
  - {code: zorgen, naam: Zorgen}
  - {code: stress, naam: Stress}
"""
ZRM = ("financien", "huisvesting", "geestelijke_gezondheid")
PG = ("lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen",
      "dagelijks_functioneren")
N = 60


def _metingen(seed: int = 11) -> pd.DataFrame:
    """What an organisation exports: professionals' ZRM, clients' own ZRM a few days later
    (clients see themselves as more self-reliant on mental health), clients' own PG marks and
    an own instrument, at intake and half a year later."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(N):
        client = f"K{c:02d}"
        for k, datum in enumerate((pd.Timestamp("2024-02-01"), pd.Timestamp("2024-08-01"))):
            for d in ZRM:
                prof = int(np.clip(2 + k + rng.integers(-1, 2), 1, 5))
                bias = 1 if d == "geestelijke_gezondheid" else 0
                own = int(np.clip(prof + bias + rng.integers(-1, 2) * (rng.random() < 0.3), 1, 5))
                rows.append((client, "ZRM", d, datum, prof, "professional"))
                if c < 40:
                    rows.append((client, "ZRM", d, datum + pd.Timedelta(days=int(rng.integers(0, 10))), own, "client"))
            for d in PG:
                rows.append((client, "PG", d, datum, int(np.clip(5 + k + rng.integers(-2, 3), 0, 10)), "client"))
            for d in ("zorgen", "stress"):
                rows.append((client, "WELZIJN", d, datum, int(np.clip(30 - 8 * k + rng.integers(-4, 5), 0, 40)),
                             "professional"))
    df = pd.DataFrame(rows, columns=["client", "instrument", "domein", "datum", "score", "bron"])
    return df.assign(datum=df["datum"].dt.strftime("%Y-%m-%d"))


def cli(*args: str) -> subprocess.CompletedProcess:
    """The `impact` command as a user runs it: a new process, exit code and Dutch output."""
    return subprocess.run([sys.executable, "-m", "impact", *args], capture_output=True, text=True)


def _zichtbaar(pad: Path) -> str:
    tekst = pad.read_text(encoding="utf-8")
    tekst = re.sub(r"<(script|style)\b.*?</\1>", "", tekst, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "\n", tekst)).split())


@pytest.fixture(scope="module")
def rapporten(tmp_path_factory) -> dict[str, Path]:
    map_ = tmp_path_factory.mktemp("instrumenten")
    db = str(map_ / "eigen.db")
    (map_ / "welzijn.yaml").write_text(INSTRUMENT, encoding="utf-8")
    (map_ / "clienten.csv").write_text(
        "pseudoniem;gemeente;wijk\n" + "".join(f"K{c:02d};Weert;Centrum\n" for c in range(N)), encoding="utf-8"
    )
    _metingen().to_csv(map_ / "metingen.csv", sep=";", index=False)
    for stap in (("init",), ("instrument", str(map_ / "welzijn.yaml")),
                 ("importeer", "clienten", str(map_ / "clienten.csv")),
                 ("importeer", "metingen", str(map_ / "metingen.csv"))):
        uit = cli(*stap, "--db", db)
        assert uit.returncode == 0, uit.stderr
    paden = {}
    for soort in ("verantwoording", "dialoog", "burger"):
        paden[soort] = map_ / f"{soort}.html"
        uit = cli("rapport", soort, "--uit", str(paden[soort]), "--db", db)
        assert uit.returncode == 0, uit.stderr
    return paden


def test_verantwoording_has_a_section_per_instrument(rapporten) -> None:
    tekst = _zichtbaar(rapporten["verantwoording"])
    deel = tekst[tekst.index("Uitkomsten per instrument"):]
    for kop in ("Zelfredzaamheid-Matrix, gescoord door professionals",
                "Positieve Gezondheid, gescoord door cliënten zelf",
                "Zelfredzaamheid-Matrix, gescoord door cliënten zelf",
                "Welzijnsmeter, gescoord door professionals"):
        assert kop in deel, kop
    welzijn = deel[deel.index("Welzijnsmeter, gescoord door professionals"):]
    assert "Schaal 0 tot en met 40; een lagere score is beter." in welzijn
    # lower is better: the own instrument's scores fall, and that is shown as progress
    assert re.search(r"Zorgen 60 [\d,]+ [\d,]+ -\d", welzijn)
    pg = deel[deel.index("Positieve Gezondheid, gescoord door cliënten zelf"):]
    assert "geen gepubliceerde betrouwbaarheid bekend" in pg and "0,80 aangenomen" in pg


def test_dialoog_shows_agreement_and_asks_about_the_largest_difference(rapporten) -> None:
    tekst = _zichtbaar(rapporten["dialoog"])
    deel = tekst[tekst.index("Cliënt en professional naast elkaar, per ZRM-domein"):]
    m = _metingen()
    m = m[(m["instrument"] == "ZRM") & (m["domein"] == "geestelijke_gezondheid")]
    paar = m[m["bron"] == "client"].merge(m[m["bron"] == "professional"], on=["client", "domein"])
    paar = paar[(pd.to_datetime(paar["datum_x"]) - pd.to_datetime(paar["datum_y"])).dt.days.abs() <= 30]
    verschil = (paar["score_x"] - paar["score_y"]).mean()
    kappa = cohen_kappa_score(paar["score_x"], paar["score_y"], weights="quadratic", labels=[1, 2, 3, 4, 5])
    rij = f"Geestelijke gezondheid {len(paar)} {verschil:.2f}".replace(".", ",")
    assert rij in deel
    assert f"{kappa:.2f}".replace(".", ",") in deel[deel.index(rij):][:80]
    assert f"Cliënten scoren Geestelijke gezondheid gemiddeld {verschil:.2f}".replace(".", ",") in deel


def test_burger_page_uses_the_clients_own_marks(rapporten) -> None:
    tekst = _zichtbaar(rapporten["burger"])
    assert "Mensen gaven hun leven ook zelf een cijfer, van 0 tot 10." in tekst
    m = _metingen()
    kvl = m[(m["instrument"] == "PG") & (m["domein"] == "kwaliteit_van_leven")]
    begin = kvl[kvl["datum"] == "2024-02-01"]["score"].mean()
    assert "Bij het begin gaven ze gemiddeld een " + f"{begin:.1f}".replace(".", ",") + "." in tekst
