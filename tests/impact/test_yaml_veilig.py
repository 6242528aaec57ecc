"""The one YAML reader: a bomb refused in milliseconds, every error as bestand:regel:sleutel."""

from __future__ import annotations

import time

import pytest

from impact.errors import UserInputError
from impact.instruments import load_file
from impact.io.yaml_bestand import parse_yaml

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)
INSTRUMENT = """code: EIGEN
naam: Eigen instrument
schaal_min: 1
schaal_max: {max}
domeinen:
  - code: wonen
"""


def test_billion_laughs_is_refused_in_milliseconds():
    started = time.perf_counter()
    with pytest.raises(UserInputError, match="hoogstens"):
        parse_yaml(BOMB, "bom.yaml")
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "command", [("kosten-baten", "casus"), ("kosten-baten", "programma"), ("instrument",)]
)
def test_every_yaml_command_refuses_a_bomb_with_exit_2(tmp_path, cli, command):
    """Before: these commands expanded the aliases until memory ran out."""
    path = tmp_path / "bom.yaml"
    path.write_text(BOMB, encoding="utf-8")
    db = ["--db", str(tmp_path / "x.db")] if command == ("instrument",) else []
    if db:
        assert cli("init", *db).returncode == 0
    started = time.perf_counter()
    result = cli(*command, str(path), *db)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "bom.yaml" in result.stderr
    assert time.perf_counter() - started < 20


def test_text_where_a_number_belongs_names_line_and_key(tmp_path):
    """Before: 'could not convert string to float' traceback."""
    path = tmp_path / "eigen.yaml"
    path.write_text(INSTRUMENT.format(max="vijf"), encoding="utf-8")
    with pytest.raises(UserInputError) as caught:
        load_file(path)
    assert [str(p) for p in caught.value.problems] == [f"{path}:4:schaal_max: een getal, er stond: 'vijf'"]


def test_instrument_in_windows_encoding_is_read(tmp_path):
    """Before: UnicodeDecodeError traceback."""
    path = tmp_path / "eigen.yaml"
    path.write_bytes(INSTRUMENT.format(max=5).replace("Eigen instrument", "Eigen ëlement").encode("cp1252"))
    assert load_file(path).naam == "Eigen ëlement"


@pytest.mark.parametrize(
    ("text", "line", "word"),
    [
        ("a: 1\n\tb: 2\n", 2, "tab"),
        ("a: !!python/object/apply:os.system [ls]\n", 1, "tags"),
        ("naam: x\nnaam: y\n", 2, "één keer"),
        ("a: 'open\nb: 2\n", None, "aanhalingsteken"),
    ],
)
def test_yaml_errors_are_dutch_and_located(text, line, word):
    with pytest.raises(UserInputError) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    assert word in str(problem)
    if line is not None:
        assert problem.row == line
