"""The 'impact analyse' commands on CSV files (and the database when available)."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from statsmodels.regression.mixed_linear_model import MixedLM
from typer.testing import CliRunner

from impact.cli import app

runner = CliRunner()


def _long(n: int = 60, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n):
        cond = "interventie" if c % 2 else "vergelijking"
        base = rng.normal(2.5, 0.6)
        slope = 0.05 + (0.04 if cond == "interventie" else 0) + rng.normal(0, 0.02)
        start = pd.Timestamp("2024-01-01")
        for m in (0, 6, 12, 18):
            rows.append(
                {
                    "client_id": f"C{c:03d}",
                    "maanden": m,
                    "score": round(base + slope * m + rng.normal(0, 0.3), 3),
                    "conditie": cond,
                    "datum": (start + pd.Timedelta(days=int(m * 30.44))).date(),
                    "leeftijd": 30 + c % 20,
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "metingen.csv"
    _long().to_csv(path, index=False)
    return path


def test_groei_json_contract_matches_statsmodels(csv_file: Path) -> None:
    out = runner.invoke(
        app,
        [
            "analyse",
            "groei",
            "--csv",
            str(csv_file),
            "--uitkomst",
            "score",
            "--tijd",
            "maanden",
            "--groep",
            "client_id",
            "--random-helling",
            "--json",
        ],
    )
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["n_obs"] == 240 and d["n_groepen"] == 60 and d["methode"] == "REML"
    assert set(d["vaste_effecten"]) == {"Intercept", "maanden"}
    assert (
        set(d["random_effecten"]["sd"]) == {"Intercept", "maanden"}
        and "corr" in d["random_effecten"]
    )
    df = _long()
    x = np.c_[np.ones(len(df)), df["maanden"]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sm = MixedLM(df["score"], x, groups=df["client_id"], exog_re=x).fit(
            reml=True, method=["lbfgs"]
        )
    assert d["vaste_effecten"]["maanden"]["schatting"] == pytest.approx(
        sm.fe_params.iloc[1], rel=1e-4
    )
    assert d["residu_sd"] == pytest.approx(np.sqrt(sm.scale), rel=1e-4)
    assert d["deviance"] == pytest.approx(-2 * sm.llf, rel=1e-6)


def test_groei_ml_with_condition_and_covariate_table(csv_file: Path) -> None:
    out = runner.invoke(
        app,
        [
            "analyse",
            "groei",
            "--csv",
            str(csv_file),
            "--tijd",
            "maanden",
            "--conditie",
            "conditie",
            "--covariaten",
            "leeftijd",
            "--ml",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "Groeimodel" in out.output and "conditie[T.interventie]:maanden" in out.output
    assert "Deviance" in out.output


def test_verandering_and_keerpunten_and_duurzaamheid(csv_file: Path, tmp_path: Path) -> None:
    out = runner.invoke(
        app,
        [
            "analyse",
            "verandering",
            "--csv",
            str(csv_file),
            "--tijd",
            "datum",
            "--conditie",
            "conditie",
            "--betrouwbaarheid",
            "0.8",
            "--json",
        ],
    )
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    groups = {(g["conditie"], g["horizon"]) for g in d["verandering"]["groepen"]}
    assert ("interventie", "laatste") in groups
    assert d["betrouwbare_verandering"]["groepen"][0]["n"] == 30
    zrm = _long().assign(score=lambda d: d["score"].clip(1, 5))  # on the ZRM's scale
    zrm_file = tmp_path / "zrm.csv"
    zrm.to_csv(zrm_file, index=False)
    out = runner.invoke(
        app, ["analyse", "keerpunten", "--csv", str(zrm_file), "--instrument", "ZRM"]
    )
    assert out.exit_code == 0, out.output
    assert "Keerpunten (" in out.output and "Fassaert" in out.output
    out = runner.invoke(
        app, ["analyse", "keerpunten", "--csv", str(csv_file), "--betrouwbaarheid", "0.9", "--json"]
    )
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["betrouwbaarheid"] == 0.9
    df = _long()
    df["traject_eind"] = "2024-07-01"
    path = tmp_path / "uitstroom.csv"
    df.to_csv(path, index=False, sep=";", decimal=",")
    out = runner.invoke(app, ["analyse", "duurzaamheid", "--csv", str(path), "--json"])
    assert out.exit_code == 0, out.output
    assert "drop_off_per_jaar" in json.loads(out.output)


def _run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from impact.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_non_numeric_score_and_missing_column_exit_2(tmp_path: Path) -> None:
    df = _long(5)
    df["score"] = df["score"].astype(str)
    df.loc[2, "score"] = "goed"
    path = tmp_path / "fout.csv"
    df.drop(columns=["maanden"]).to_csv(path, index=False)
    proc = _run_main("analyse", "groei", "--csv", str(path), "--tijd", "maanden", "--json")
    assert proc.returncode == 2
    assert "fout.csv:4:score: verwacht een getal, er stond: 'goed'" in proc.stderr
    assert "kolom 'maanden' ontbreekt" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_database_path(tmp_path: Path) -> None:
    pytest.importorskip("impact.store")
    from impact import store
    from impact.demo import generate

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    engine = store.connect(url)
    store.upgrade(engine)
    store.write_world(engine, generate(seed=3, n_clients=120))
    out = runner.invoke(
        app,
        ["analyse", "groei", "--db", url, "--domein", "financien", "--conditie", "groep", "--json"],
    )
    # the demo has clients' own ZRM scores next to the professionals': never mixed silently
    assert out.exit_code == 1 and "kies er één met --bron uit: client, professional" in str(out.exception)
    out = runner.invoke(
        app,
        ["analyse", "groei", "--db", url, "--domein", "financien", "--bron", "professional",
         "--conditie", "groep", "--json"],
    )
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert d["n_groepen"] > 50 and "groep[T.interventie]:maanden" in d["vaste_effecten"]
