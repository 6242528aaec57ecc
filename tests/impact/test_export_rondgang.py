"""Every export kind is accepted by every command that reads that kind of file.

Before: the BOM of an export broke 'impact analyse groei --csv' (pandas' sniffer read the
BOM into the first column name), and 'verhalen pseudonimiseer --identiteiten' refused the
'client' column that 'impact exporteer identiteiten' writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from impact import store
from impact.cli import app
from impact.cli.demo import load_default_price_list
from impact.demo import generate
from impact.io.importer import import_file

runner = CliRunner()
ORDER = (
    "interventies",
    "clienten",
    "trajecten",
    "metingen",
    "gebeurtenissen",
    "verhalen",
    "identiteiten",
    "prijslijst",
)
CASE = str(Path(__file__).resolve().parents[2] / "voorbeelden" / "casus-voorbeeld.yaml")


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bron")
    url = f"sqlite:///{folder / 'bron.db'}"
    engine = store.connect(url)
    store.upgrade(engine)
    store.write_world(engine, generate(seed=5, n_clients=60))
    load_default_price_list(engine)
    engine.dispose()
    return url


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output, result.exception)
    return result.output


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_every_export_is_read_by_every_command_for_its_kind(source, tmp_path, suffix):
    files = {}
    for kind in ORDER:
        files[kind] = tmp_path / f"{kind}{suffix}"
        extra = ["--versie", "standaard"] if kind == "prijslijst" else []
        _ok("exporteer", kind, "--uit", str(files[kind]), "--db", source, *extra)

    fresh = store.connect(f"sqlite:///{tmp_path / 'nieuw.db'}")
    store.upgrade(fresh)
    for kind in ORDER:
        import_file(fresh, kind, files[kind], price_list_version="standaard")
    before, after = store.counts(store.connect(source)), store.counts(fresh)
    before.pop("casus"), after.pop("casus")  # cases are no export kind
    assert before == after

    metingen = str(files["metingen"])
    # the export holds professionals' and clients' own scores: an analysis takes one source
    zrm = ("--instrument", "ZRM", "--bron", "professional")
    groei = json.loads(_ok("analyse", "groei", "--csv", metingen, "--domein", "financien", *zrm, "--json"))
    assert groei["n_groepen"] > 10
    _ok("analyse", "verandering", "--csv", metingen, "--domein", "financien", *zrm, "--json")
    _ok("analyse", "keerpunten", "--csv", metingen, *zrm, "--json")

    out = tmp_path / "pseudo"
    _ok("verhalen", "pseudonimiseer", str(files["verhalen"]), "--uit", str(out),
        "--identiteiten", str(files["identiteiten"]))  # fmt: skip
    assert (out / files["verhalen"].name).is_file()

    casus = json.loads(_ok("kosten-baten", "casus", CASE, "--prijslijst", str(files["prijslijst"]), "--json"))
    assert "+eigen-" in casus["prijslijst"]["versie"]
