"""Built-in instrument facts and custom instruments from YAML."""

from __future__ import annotations

import pytest

from impact import store
from impact.errors import UserInputError
from impact.instruments import builtin, load_file


def test_zrm_has_thirteen_domains_and_official_levels():
    zrm = builtin()["ZRM"]
    assert (zrm.schaal_min, zrm.schaal_max) == (1, 5)
    assert len(zrm.domeinen) == 13
    assert zrm.niveaus[1] == "acute problematiek" and zrm.niveaus[5] == "volledig zelfredzaam"
    assert zrm.reliability("financien") == 0.85  # the total score's alpha, an assumption stated in the source
    assert "Fassaert" in zrm.betrouwbaarheid_bron


def test_positieve_gezondheid_has_six_dimensions_and_no_assumed_reliability():
    pg = builtin()["PG"]
    assert (pg.schaal_min, pg.schaal_max) == (0, 10)
    assert len(pg.domeinen) == 6
    assert pg.reliability("zingeving") is None


def test_custom_instrument_from_yaml_reaches_the_database(tmp_path):
    path = tmp_path / "eigen.yaml"
    path.write_text(
        "code: WELZIJN\nnaam: Eigen welzijnsmeter\nschaal_min: 0\nschaal_max: 100\nrichting: hoger_is_beter\n"
        "betrouwbaarheid: 0.8\nbetrouwbaarheid_bron: eigen test-hertest 2023\n"
        "domeinen:\n  - {code: rust, naam: Rust, betrouwbaarheid: 0.75}\n  - {code: contact}\n",
        encoding="utf-8",
    )
    instrument = load_file(path)
    assert instrument.reliability("rust") == 0.75 and instrument.reliability("contact") == 0.8
    engine = store.connect(str(tmp_path / "x.db"))
    store.upgrade(engine)
    with engine.begin() as connection:
        store.ensure_instrument(connection, instrument)
    domains = store.read(engine, "domeinen")
    assert domains.loc[domains["instrument"] == "WELZIJN", "domein"].tolist() == ["rust", "contact"]


def test_bad_custom_instrument_names_every_field(tmp_path):
    path = tmp_path / "fout.yaml"
    path.write_text(
        "code: X\nschaal_min: 5\nschaal_max: 1\nrichting: omhoog\nbetrouwbaarheid: 2\n", encoding="utf-8"
    )
    with pytest.raises(UserInputError) as caught:
        load_file(path)
    columns = {p.column for p in caught.value.problems}
    assert {"naam", "richting", "domeinen", "schaal_max", "betrouwbaarheid"} <= columns


def test_cli_adds_custom_instrument_then_accepts_its_scores(tmp_path, cli):
    (tmp_path / "eigen.yaml").write_text(
        "code: WELZIJN\nnaam: Welzijnsmeter\nschaal_min: 0\nschaal_max: 100\ndomeinen:\n  - {code: rust}\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "x.db")
    assert cli("init", "--db", db).returncode == 0
    added = cli("instrument", str(tmp_path / "eigen.yaml"), "--db", db)
    assert added.returncode == 0 and "WELZIJN toegevoegd" in added.stdout
    (tmp_path / "c.csv").write_text("pseudoniem\nC1\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text(
        "client;instrument;domein;datum;score\nC1;WELZIJN;rust;2024-01-01;73,5\n", encoding="utf-8"
    )
    assert cli("importeer", "clienten", str(tmp_path / "c.csv"), "--db", db).returncode == 0
    result = cli("importeer", "metingen", str(tmp_path / "m.csv"), "--db", db)
    assert result.returncode == 0, result.stderr
