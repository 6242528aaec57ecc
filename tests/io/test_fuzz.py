"""Fuzz test (issue 12, item 8): malformed CSV, XLSX and YAML for every importer and every
command that reads a file. Each call ends with exit 0 or a clean refusal (exit 2 via
``UserInputError``), prints no traceback, takes a few seconds at most, and a refusal leaves
the database content exactly as it was (a canonical dump of every table, not file bytes).

In-process (typer's CliRunner on ``impact.cli.app``) for speed; bounded by ``max_examples``.
"""

from __future__ import annotations

import io
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from impact import store
from impact.cli import app
from impact.errors import UserInputError
from impact.io.kinds import KINDS

# a hang guard, not a speed target (speed lives in benchmarks/): generous enough for a
# loaded 2-core machine, short enough that a hang on a user's file fails the run
SECONDS = 30.0
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

CELLS = st.one_of(
    st.sampled_from(["", "C1", "ZRM", "financien", "2024-01-01", "31-12-2023", "2099-01-01", "3", "3,5",
                     "drie", "-1", "1e400", "111222333", "gemeente", "intern", "casusnotitie", "=1+1",
                     '"', '"open', "a;b", "a,b", "x\ny", "é", "Kerk\xebveld", "\x00", " " * 3, "9" * 40]),
    st.text(max_size=12),
)
HEADERS = st.sampled_from(sorted({c.name for k in KINDS.values() for c in k.columns}
                                 | {"bronn", "tekst", "codeur", "e1", "score", "maanden", "", "pseudoniem"}))


@st.composite
def csv_bytes(draw) -> bytes:
    header = draw(st.lists(HEADERS, min_size=0, max_size=7))
    rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=len(header) + 2), max_size=6))
    sep = draw(st.sampled_from([";", ",", "\t", "|"]))
    text = "\n".join(sep.join(r) for r in [header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]))
    raw = text.encode(encoding, errors="replace")
    mutation = draw(st.sampled_from(["none", "truncate", "garbage", "crlf", "empty"]))
    if mutation == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif mutation == "garbage":
        raw = raw + draw(st.binary(max_size=40))
    elif mutation == "crlf":
        raw = raw.replace(b"\n", b"\r\n")
    elif mutation == "empty":
        raw = b""
    return raw


@st.composite
def xlsx_bytes(draw) -> bytes:
    if draw(st.booleans()):
        return b"PK\x03\x04" + draw(st.binary(max_size=200))  # a broken zip
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    for s in range(draw(st.integers(1, 2))):
        sheet = book.active if s == 0 else book.create_sheet(f"blad{s + 1}")
        header = [ILLEGAL_CHARACTERS_RE.sub("", h) for h in draw(st.lists(HEADERS, max_size=6))]
        if header:
            sheet.append(header)
        for row in draw(st.lists(st.lists(st.one_of(CELLS, st.integers(-10, 10**6), st.floats(allow_nan=False)),
                                          max_size=7), max_size=5)):
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


YAML_PIECES = st.sampled_from([
    "code: X\n", "naam: Test\n", "schaal_min: 1\n", "schaal_max: drie\n", "schaal_max: 5\n",
    "domeinen:\n  - code: a\n", "  - naam: b\n", "richting: omhoog\n", "hele_getallen: misschien\n",
    "a: &a [1,2,3]\n", "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n", "c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
    "x: !!python/object:os.system ls\n", "\tinspringing: tab\n", "sleutel: 'open\n", "[1, 2\n",
    "naam: Test\nnaam: dubbel\n", "---\n", "scenarios:\n  interventie:\n    - item: onbekend\n",
    "      aantal: -3\n", "discontovoet: abc\n", "prijsjaar: 20x4\n", "financier: de buurman\n",
    "peildatum: 2024-13-45\n", "posten: 5\n", ": :\n", "- lijst\n", "\x85\x00\xff\n",
])


@st.composite
def yaml_bytes(draw) -> bytes:
    text = "".join(draw(st.lists(YAML_PIECES, max_size=10)))
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace")


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    db = folder / "impact.db"
    engine = store.connect(str(db))
    store.upgrade(engine)
    runner = CliRunner()
    (folder / "c.csv").write_text("pseudoniem;geboortejaar\nC1;1980\n", encoding="utf-8")
    (folder / "i.csv").write_text("naam\nSchuldhulp\n", encoding="utf-8")
    for kind, file in (("clienten", "c.csv"), ("interventies", "i.csv")):
        result = runner.invoke(app, ["importeer", kind, str(folder / file), "--db", str(db)])
        assert result.exit_code == 0, result.output
    yield folder, db, engine
    engine.dispose()


@pytest.fixture(scope="module")
def deduce_geladen():
    """deduce takes tens of seconds to load once per process; the time limit is about our code."""
    from verhalen.deduce_instance import get_deduce

    get_deduce()


def dump(engine) -> dict[str, str]:
    return {name: store.read(engine, name).to_csv(index=False) for name in store.QUERIES}


def invoke(args: list[str]) -> tuple[str, BaseException | None, float]:
    runner = CliRunner()
    started = time.perf_counter()
    result = runner.invoke(app, args, catch_exceptions=True)
    elapsed = time.perf_counter() - started
    error = result.exception
    if isinstance(error, SystemExit) and error.code in (0, 2, None):
        error = None
    if isinstance(error, UserInputError):
        error = None  # main() turns this into the Dutch message and exit 2
    if error is None and result.exit_code not in (0, 1, 2):
        error = AssertionError(f"exit {result.exit_code}")
    return result.output, error, elapsed


def check(args: list[str], engine, before: dict[str, str] | None = None) -> dict[str, str]:
    output, error, elapsed = invoke(args)
    assert error is None, f"{args}: {error!r}\n{output}"
    assert "Traceback" not in output, output
    assert elapsed < SECONDS, f"{args}: {elapsed:.1f} s"
    after = dump(engine) if before is not None else None
    if before is not None and "toegevoegd" not in output:
        assert after == before, f"{args} refused but changed the database\n{output}"
    return after


@SETTINGS
@given(kind=st.sampled_from(sorted(KINDS)), raw=st.one_of(csv_bytes(), xlsx_bytes()), as_xlsx=st.booleans())
def test_importers_refuse_cleanly(database, kind, raw, as_xlsx):
    folder, db, engine = database
    path = folder / ("bestand.xlsx" if as_xlsx else "bestand.csv")
    path.write_bytes(raw)
    check(["importeer", kind, str(path), "--db", str(db)], engine, before=dump(engine))


@SETTINGS
@given(raw=st.one_of(csv_bytes(), xlsx_bytes()), command=st.sampled_from(["groei", "overeenstemming"]))
def test_table_commands_refuse_cleanly(database, raw, command):
    folder, db, engine = database
    path = folder / "tabel.csv"
    path.write_bytes(raw)
    if command == "groei":
        args = ["analyse", "groei", "--csv", str(path), "--uitkomst", "score", "--tijd", "maanden",
                "--groep", "client"]
    else:
        args = ["verhalen", "overeenstemming", str(path), "--niveau", "interval"]
    check(args, engine)


@SETTINGS
@given(raw=yaml_bytes(), command=st.sampled_from(["casus", "programma", "instrument"]))
def test_yaml_commands_refuse_cleanly(database, raw, command):
    folder, db, engine = database
    path = folder / "bestand.yaml"
    path.write_bytes(raw)
    if command == "instrument":
        check(["instrument", str(path), "--db", str(db)], engine, before=dump(engine))
    else:
        check(["kosten-baten", command, str(path)], engine)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=st.one_of(csv_bytes(), xlsx_bytes()))
def test_pseudonimiseer_refuses_cleanly(database, deduce_geladen, raw):
    folder, db, engine = database
    path = folder / "verhalen.csv"
    path.write_bytes(raw)
    check(["verhalen", "pseudonimiseer", str(path), "--uit", str(folder / "uit"), "--db", str(db)], engine)
