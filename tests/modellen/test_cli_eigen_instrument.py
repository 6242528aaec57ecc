"""A user's own instrument, from its YAML file to every 'impact analyse' command.

The user writes an instrument file and a measurement file, as a quality manager would; the
commands read reliability, direction, scale and cut-off from the instrument (from the file
for a CSV, from the database after 'impact instrument'), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

INSTRUMENT = """\
code: WELZIJN
naam: Welzijnsmeter
schaal_min: 0
schaal_max: 40
richting: lager_is_beter   # een lage score is weinig zorgen
betrouwbaarheid: 0.9
betrouwbaarheid_bron: eigen test-hertest 2023
afkappunt: 20
domeinen:
  - {code: zorgen, naam: Zorgen, betrouwbaarheid: 0.8}
  - {code: stress, naam: Stress, afkappunt: 15}
"""
DATES = ("2024-01-10", "2024-07-10", "2025-01-10")


def _measurements(n: int = 30, seed: int = 4) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n):
        for domein in ("zorgen", "stress"):
            start = int(rng.integers(18, 36))
            for k, datum in enumerate(DATES):
                score = int(np.clip(start - k * rng.integers(0, 9), 0, 40))
                rows.append({"client": f"K{c:02d}", "instrument": "WELZIJN", "domein": domein,
                             "datum": datum, "score": score})
    return pd.DataFrame(rows)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    instrument = tmp_path / "welzijn.yaml"
    instrument.write_text(INSTRUMENT, encoding="utf-8")
    metingen = tmp_path / "welzijn.csv"
    m = _measurements()
    m.to_csv(metingen, sep=";", index=False)
    analyse = tmp_path / "analyse.csv"
    m.rename(columns={"client": "client_id"}).to_csv(analyse, sep=";", index=False)
    return {"instrument": instrument, "metingen": metingen, "analyse": analyse}


def _jacobson_truax(m: pd.DataFrame, domein: str, r: float, cut: float) -> dict[str, int]:
    """The categories by hand: lower is better, so a reliable drop is an improvement."""
    d = m[m["domein"] == domein].sort_values("datum")
    per = d.groupby("client")["score"].agg(["first", "last"])
    s_diff = np.sqrt(2) * per["first"].std(ddof=1) * np.sqrt(1 - r)
    rci = (per["last"] - per["first"]) / s_diff
    better, worse = rci < -1.959963984540054, rci > 1.959963984540054
    crossed = (per["first"] > cut) & (per["last"] <= cut)
    return {
        "hersteld": int((better & crossed).sum()),
        "verbeterd": int((better & ~crossed).sum()),
        "verslechterd": int(worse.sum()),
    }


def test_csv_with_the_instrument_file(files, cli) -> None:
    out = cli("analyse", "verandering", "--csv", str(files["analyse"]), "--instrument",
              str(files["instrument"]), "--json")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["instrument"] == {"code": "WELZIJN", "naam": "Welzijnsmeter", "schaal": [0.0, 40.0],
                               "richting": "lager_is_beter"}
    params = {p["domein"]: p for p in d["betrouwbare_verandering"]["parameters"]}
    # the domain's own reliability before the instrument's, the domain's own cut-off first
    assert params["zorgen"]["betrouwbaarheid"] == 0.8 and params["stress"]["betrouwbaarheid"] == 0.9
    assert params["zorgen"]["afkappunt"] == 20 and params["stress"]["afkappunt"] == 15
    groups = {g["domein"]: g for g in d["betrouwbare_verandering"]["groepen"]}
    m = _measurements()
    for domein, r, cut in (("zorgen", 0.8, 20), ("stress", 0.9, 15)):
        by_hand = _jacobson_truax(m, domein, r, cut)
        assert {k: groups[domein][k] for k in by_hand} == by_hand
    # lower is better: falling scores count as improvement in the change table too
    laatste = [g for g in d["verandering"]["groepen"] if g["horizon"] == "laatste"]
    assert all(g["gem_verandering"] < 0 and g["aandeel_verbeterd"] > 0.5 for g in laatste)


def test_csv_with_a_custom_code_but_no_file_is_a_dutch_error(files, cli) -> None:
    out = cli("analyse", "keerpunten", "--csv", str(files["analyse"]))
    assert out.returncode == 2
    assert "onbekend instrument 'WELZIJN'; bekend zijn: PG, ZRM" in out.stderr
    assert "Traceback" not in out.stderr


def test_score_outside_the_instruments_scale_names_its_row(files, cli, tmp_path) -> None:
    m = _measurements().rename(columns={"client": "client_id"})
    m.loc[4, "score"] = 55
    path = tmp_path / "buiten.csv"
    m.to_csv(path, sep=";", index=False)
    out = cli("analyse", "verandering", "--csv", str(path), "--instrument", str(files["instrument"]))
    assert out.returncode == 2
    assert "buiten.csv:6:score: een score van 0 tot en met 40 (WELZIJN), er stond: '55'" in out.stderr


def test_database_every_analyse_command(files, cli, database_url) -> None:
    assert cli("init", "--db", database_url).returncode == 0
    added = cli("instrument", str(files["instrument"]), "--db", database_url)
    assert added.returncode == 0, added.stderr
    clients = files["metingen"].parent / "clienten.csv"
    clients.write_text("pseudoniem\n" + "\n".join(f"K{c:02d}" for c in range(30)) + "\n", encoding="utf-8")
    for soort, path in (("clienten", clients), ("metingen", files["metingen"])):
        result = cli("importeer", soort, str(path), "--db", database_url)
        assert result.returncode == 0, result.stderr

    out = cli("analyse", "verandering", "--db", database_url, "--instrument", "welzijn", "--json")
    assert out.returncode == 0, out.stderr
    params = {p["domein"]: p for p in json.loads(out.stdout)["betrouwbare_verandering"]["parameters"]}
    assert params["zorgen"]["betrouwbaarheid"] == 0.8 and params["stress"]["afkappunt"] == 15

    text = cli("analyse", "verandering", "--db", database_url, "--instrument", "WELZIJN")
    assert text.returncode == 0, text.stderr
    assert "Instrument: Welzijnsmeter (WELZIJN), schaal 0 tot en met 40, lager is beter" in text.stdout
    assert "Betrouwbaarheid: 0,80 (Welzijnsmeter, domein zorgen)" in text.stdout

    kp = cli("analyse", "keerpunten", "--db", database_url, "--instrument", "WELZIJN", "--json")
    assert kp.returncode == 0, kp.stderr
    k = json.loads(kp.stdout)
    assert k["betrouwbaarheid"] == 0.9 and k["keerpunten"]
    # lower is better: every jump down is an improvement
    assert all((r["verschil"] < 0) == (r["betekenis"] == "verbetering") for r in k["keerpunten"])

    groei = cli("analyse", "groei", "--db", database_url, "--instrument", "WELZIJN", "--domein",
                "zorgen", "--json")
    assert groei.returncode == 0, groei.stderr
    assert json.loads(groei.stdout)["n_groepen"] == 30

    onbekend = cli("analyse", "duurzaamheid", "--db", database_url, "--instrument", "GEEN")
    assert onbekend.returncode == 2
    assert "onbekend instrument 'GEEN'; bekend zijn: PG, WELZIJN, ZRM" in onbekend.stderr
