"""What the write step of an import fills in itself: organisations, the price-list version,
progress (pinned after mutation testing found them unchecked)."""

from __future__ import annotations

import pandas as pd

from impact import store
from impact.io.importer import import_file


def test_clients_with_an_organisation_get_its_row_and_id(engine, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("pseudoniem;organisatie\nC1;Wijkteam Weert\nC2;Wijkteam Weert\nC3;Impuls\nC4;\n", encoding="utf-8")
    import_file(engine, "clienten", path)
    with engine.connect() as c:
        namen = dict(c.exec_driver_sql("SELECT id, naam FROM organisatie").fetchall())
        per_client = dict(c.exec_driver_sql("SELECT pseudoniem, organisatie_id FROM client").fetchall())
    assert sorted(namen.values()) == ["Impuls", "Wijkteam Weert"]
    assert namen[per_client["C1"]] == namen[per_client["C2"]] == "Wijkteam Weert"
    assert namen[per_client["C3"]] == "Impuls" and per_client["C4"] is None


def test_a_price_list_without_a_version_name_is_called_eigen(engine, tmp_path):
    path = tmp_path / "prijzen.csv"
    path.write_text(
        "item;eenheid;prijs;prijsjaar;financier;domein;bron\n"
        "huisartsconsult;keer;30,87;2022;zorgverzekeraar;zorg;Kostenhandleiding 2024\n",
        encoding="utf-8",
    )
    import_file(engine, "prijslijst", path, price_list_version=None)
    versies = store.read(engine, "prijslijst")["versie"].unique().tolist()
    assert versies == ["eigen"]


def test_progress_ends_at_the_number_of_rows(engine, tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"pseudoniem": [f"C{i}" for i in range(7)]}).to_csv(path, sep=";", index=False)
    gezien: list[tuple[int, int]] = []
    import_file(engine, "clienten", path, progress=lambda klaar, totaal: gezien.append((klaar, totaal)))
    assert gezien and gezien[-1] == (7, 7) and all(0 < k <= t for k, t in gezien)
