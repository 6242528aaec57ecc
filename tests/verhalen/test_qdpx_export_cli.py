"""`impact demo` databases carry the coded subset, and `impact verhalen exporteer-qdpx`
carries each client's outcomes as REFI-QDA case variables."""

from __future__ import annotations

import json
import zipfile

import pandas as pd
from lxml import etree

from impact import store
from impact.demo import generate
from verhalen.refiqda import NS_PROJECT, import_qdpx, validate

RCI = {"hersteld", "verbeterd", "onveranderd", "verslechterd"}


def test_demo_codings_in_database_and_case_variables_in_export(database_url, cli, tmp_path):
    wereld = generate(seed=5, n_clients=60)
    engine = store.connect(database_url)
    store.upgrade(engine)
    store.write_world(engine, wereld)

    codes = store.read(engine, "codes")
    cods = store.read(engine, "coderingen")
    engine.dispose()
    assert len(codes) == len(wereld.codes) and len(cods) == len(wereld.coderingen) > 0
    naam = dict(zip(codes["code_id"], codes["naam"], strict=True))
    wereld_naam = dict(zip(wereld.codes["code_id"], wereld.codes["naam"], strict=True))
    opgeslagen = sorted(zip(cods["verhaal_id"], cods["code_id"].map(naam), cods["start"], cods["eind"],
                            cods["codeur"], strict=True))
    bedoeld = sorted(zip(wereld.coderingen["verhaal_id"], wereld.coderingen["code_id"].map(wereld_naam),
                         wereld.coderingen["start"], wereld.coderingen["eind"], wereld.coderingen["codeur"],
                         strict=True))
    assert opgeslagen == bedoeld
    assert set(cods["codeur"]) == {"codeur A", "codeur B"}

    uit = tmp_path / "project.qdpx"
    result = cli("verhalen", "exporteer-qdpx", str(uit), "--db", database_url)
    assert result.returncode == 0, result.stderr
    assert validate(uit) == []

    root = etree.fromstring(zipfile.ZipFile(uit).read("project.qde"))
    ns = {"q": NS_PROJECT}
    soorten = {v.get("name"): v.get("typeOfVariable") for v in root.iterfind("q:Variables/q:Variable", ns)}
    assert soorten["keerpunten"] == "Integer" and soorten["rci_financien"] == "Text"
    assert {"gemeente", "interventie"} <= set(soorten)
    assert len([n for n in soorten if n.startswith("rci_")]) == 13  # every ZRM domain

    project = import_qdpx(uit)
    cases = project.cases.set_index("case")
    assert set(cases["rci_financien"].dropna()) <= RCI and len(cases["rci_financien"].dropna()) > 0
    # the count of keerpunten per client is what 'impact analyse keerpunten' lists for the
    # professionals' ZRM scores (clients' own scores are another perspective, never mixed in)
    metingen = wereld.metingen[(wereld.metingen["instrument"] == "ZRM") & (wereld.metingen["bron"] == "professional")]
    metingen[["client_id", "domein", "datum", "score"]].to_csv(tmp_path / "zrm.csv", index=False)
    analyse = cli("analyse", "keerpunten", "--csv", str(tmp_path / "zrm.csv"), "--instrument", "ZRM", "--json")
    assert analyse.returncode == 0, analyse.stderr
    lijst = pd.DataFrame(json.loads(analyse.stdout)["keerpunten"])
    pseudoniem = dict(zip(wereld.clienten["client_id"], wereld.clienten["pseudoniem"], strict=True))
    per_client = lijst.groupby("client_id").size().rename(index=pseudoniem)
    verwacht = per_client.reindex(cases.index, fill_value=0)
    assert cases["keerpunten"].astype(int).tolist() == verwacht.astype(int).tolist()
    assert verwacht.sum() > 0
    # the export's codings are the stored ones
    assert len(project.coderingen) == len(cods)
