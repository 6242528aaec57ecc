"""Plausibility rules (issue 12, item 4): values that parse but cannot be right are refused,
on their row and column, before anything is written; each rule is on the template's sheet."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from impact import store
from impact.errors import UserInputError
from impact.io import validation
from impact.io.importer import import_file
from impact.io.templates import explanation
from impact.io.validation import RULES, could_be_bsn


@pytest.fixture
def db(tmp_path):
    engine = store.connect(str(tmp_path / "impact.db"))
    store.upgrade(engine)
    (tmp_path / "c.csv").write_text("pseudoniem;geboortejaar\nC1;1990\n", encoding="utf-8")
    import_file(engine, "clienten", tmp_path / "c.csv")
    (tmp_path / "i.csv").write_text("naam\nSchuldhulp\n", encoding="utf-8")
    import_file(engine, "interventies", tmp_path / "i.csv")
    yield engine
    engine.dispose()


def _refused(engine, tmp_path, kind, text) -> list:
    path = tmp_path / f"{kind}_bad.csv"
    path.write_text(text, encoding="utf-8")
    before = store.table_fingerprint(engine)
    with pytest.raises(UserInputError) as caught:
        import_file(engine, kind, path)
    assert store.table_fingerprint(engine) == before
    return caught.value.problems


def test_zrm_score_must_be_whole(db, tmp_path):
    """Before: a ZRM score 3,5 on a whole-number scale was stored."""
    (problem,) = _refused(db, tmp_path, "metingen",
                          "client;instrument;domein;datum;score\nC1;ZRM;financien;2024-01-01;3,5\n")
    assert (problem.row, problem.column) == (2, "score") and "geheel getal" in problem.expected


def test_positieve_gezondheid_may_have_decimals(db, tmp_path):
    path = tmp_path / "pg.csv"
    domain = pd.read_sql("SELECT d.code FROM domein d JOIN instrument i ON i.id = d.instrument_id "
                         "WHERE i.code = 'PG'", db)["code"].iloc[0]
    path.write_text(f"client;instrument;domein;datum;score\nC1;PG;{domain};2024-01-01;6,5\n", encoding="utf-8")
    assert import_file(db, "metingen", path).rows == 1


def test_measurement_in_the_future_is_refused(db, tmp_path):
    """Before: a measurement dated 2099 was stored."""
    (problem,) = _refused(db, tmp_path, "metingen",
                          "client;instrument;domein;datum;score\nC1;ZRM;financien;2099-01-01;3\n")
    assert problem.column == "datum" and "toekomst" in problem.expected


def test_measurement_before_birth_is_refused(db, tmp_path):
    """Before: a measurement before the client's birth year was stored."""
    (problem,) = _refused(db, tmp_path, "metingen",
                          "client;instrument;domein;datum;score\nC1;ZRM;financien;1985-01-01;3\n")
    assert problem.column == "datum" and "geboortejaar" in problem.expected


@pytest.mark.parametrize(
    ("kind", "text", "column"),
    [
        ("trajecten", "client;interventie;start\nC1;Schuldhulp;1980-01-01\n", "start"),
        ("gebeurtenissen", "client;datum;soort\nC1;2099-05-01;werk_gevonden\n", "datum"),
        ("verhalen", "tekst;soort;datum;client;toestemming\nEen verhaal.;casusnotitie;2099-01-01;C1;intern\n",
         "datum"),
    ],
)
def test_other_dates_checked_too(db, tmp_path, kind, text, column):
    (problem,) = _refused(db, tmp_path, kind, text)
    assert problem.column == column


def test_future_birth_year_is_refused(db, tmp_path):
    """Before: a geboortejaar in the future was accepted."""
    next_year = dt.date.today().year + 1
    (problem,) = _refused(db, tmp_path, "clienten", f"pseudoniem;geboortejaar\nC2;{next_year}\n")
    assert problem.column == "geboortejaar" and "toekomst" in problem.expected


def test_today_is_the_rule_not_a_fixed_year(db, tmp_path, monkeypatch):
    monkeypatch.setattr(validation, "today", lambda: dt.date(2040, 1, 1))
    (tmp_path / "c2.csv").write_text("pseudoniem;geboortejaar\nC2;2035\n", encoding="utf-8")
    assert import_file(db, "clienten", tmp_path / "c2.csv").rows == 1


def test_pseudonym_that_could_be_a_bsn_is_refused(db, tmp_path):
    """Before: a pseudonym that is a valid BSN was stored."""
    (problem,) = _refused(db, tmp_path, "clienten", "pseudoniem\n111222333\n")
    assert (problem.row, problem.column) == (2, "pseudoniem") and "BSN" in problem.expected


def test_eleven_test():
    values = pd.Series(["111222333", "123456782", "10000008", "111222334", "C000123", "000000000", "1112223330"])
    assert could_be_bsn(values).tolist() == [True, True, True, False, False, False, False]
    assert could_be_bsn(values.astype("category")).tolist() == [True, True, True, False, False, False, False]


def test_financier_from_the_list(db, tmp_path):
    """Before (in the issue): a financier not in the list was accepted."""
    (problem,) = _refused(
        db, tmp_path, "prijslijst",
        "item;eenheid;prijs;prijsjaar;financier;domein;bron\nContact;keer;10;2022;de buurman;welzijn;eigen\n",
    )
    assert problem.column == "financier" and "gemeente" in problem.expected


def test_price_list_for_kosten_baten_has_the_same_rule(tmp_path):
    from impact.io.prijslijst import read_price_list

    path = tmp_path / "p.csv"
    path.write_text("item;eenheid;prijs;prijsjaar;financier;domein;bron\nContact;keer;10;2022;de buurman;welzijn;eigen\n",
                    encoding="utf-8")
    with pytest.raises(UserInputError, match="financier"):
        read_price_list(path)


def test_every_rule_is_on_the_explanation_sheet():
    for kind, columns in RULES.items():
        sheet = explanation(kind).set_index("kolom")["controle bij importeren"]
        for column, rules in columns.items():
            shown = " ".join(sheet.loc[[column]].astype(str))
            for rule in rules:
                assert rule in shown, (kind, column, rule)


def test_sjabloon_xlsx_carries_the_rules(tmp_path):
    from impact.io.templates import write_template

    path = write_template("clienten", tmp_path / "clienten.xlsx")
    sheet = pd.read_excel(path, sheet_name="toelichting")
    assert "elfproef" in " ".join(sheet["controle bij importeren"].fillna(""))
