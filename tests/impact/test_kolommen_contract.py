"""Columns are a contract: unknown, misspelt and too long values refused before any write."""

from __future__ import annotations

import pytest

from impact import store
from impact.errors import UserInputError
from impact.io.importer import import_file


@pytest.fixture
def with_client(engine, tmp_path):
    (tmp_path / "c.csv").write_text("pseudoniem\nC1\n", encoding="utf-8")
    import_file(engine, "clienten", tmp_path / "c.csv")
    return engine


def _refused(engine, kind, path) -> list:
    before = store.table_fingerprint(engine)
    with pytest.raises(UserInputError) as caught:
        import_file(engine, kind, path)
    assert store.table_fingerprint(engine) == before
    return caught.value.problems


def test_misspelt_column_is_refused_with_the_nearest_name(with_client, tmp_path):
    """Before: 'bronn' was dropped and client self-scores stored as bron=professional."""
    path = tmp_path / "m.csv"
    path.write_text("client;instrument;domein;datum;score;bronn\nC1;ZRM;financien;2024-01-01;2;client\n")
    (problem,) = _refused(with_client, "metingen", path)
    assert (problem.row, problem.column) == (1, "bronn")
    assert "bedoelde u 'bron'?" in str(problem)


def test_unknown_column_lists_the_known_ones(with_client, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("pseudoniem;lievelingskleur\nC2;blauw\n")
    (problem,) = _refused(with_client, "clienten", path)
    assert problem.column == "lievelingskleur" and "geboortejaar" in str(problem)


def test_lengths_are_checked_against_the_schema(with_client, tmp_path):
    """Before: an 81-character pseudonym and a 1 MB cell reached the database unchecked."""
    path = tmp_path / "c.csv"
    path.write_text("pseudoniem;gemeente\n" + "P" * 81 + ";Weert\nC3;" + "x" * 101 + "\n")
    problems = _refused(with_client, "clienten", path)
    assert {(p.row, p.column) for p in problems} == {(2, "pseudoniem"), (3, "gemeente")}
    assert "hoogstens 64 tekens" in str(problems[0])
    big = tmp_path / "v.csv"
    big.write_text("tekst;soort;toestemming\n" + "woord " * 200_000 + ";casusnotitie;intern\n")
    (problem,) = _refused(with_client, "verhalen", big)
    assert problem.row == 2
