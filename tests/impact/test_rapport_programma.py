"""`impact rapport verantwoording --programma FILE`: a user's programme file, filled from the data."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_impact

DEMO_PROGRAMMA = Path(__file__).parents[2] / "impact" / "demo" / "data" / "programma.yaml"


def test_own_programme_file_reaches_the_verantwoording_report(tmp_path):
    db = str(tmp_path / "demo.db")
    assert run_impact("demo", "--clienten", "300", "--zonder-rapport", "--db", db).returncode == 0
    eigen = tmp_path / "eigen.yaml"
    eigen.write_text(
        DEMO_PROGRAMMA.read_text(encoding="utf-8").replace(
            "naam: Schuldhulpverlening in de regio (demo)", "naam: Eigen programma schuldhulp"
        ),
        encoding="utf-8",
    )
    uit = tmp_path / "v.html"
    res = run_impact("rapport", "verantwoording", "--db", db, "--uit", str(uit), "--programma", str(eigen))
    assert res.returncode == 0, res.stderr
    html = uit.read_text(encoding="utf-8")
    assert "Eigen programma schuldhulp" in html and "Kosten en baten van het programma" in html

    kapot = tmp_path / "kapot.yaml"
    kapot.write_text(eigen.read_text(encoding="utf-8").replace("interventie: Schuldhulpverlening\n", ""))
    res = run_impact("rapport", "verantwoording", "--db", db, "--uit", str(tmp_path / "k.html"), "--programma", str(kapot))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "kapot.yaml" in res.stderr and "interventie" in res.stderr
    assert not (tmp_path / "k.html").exists()
