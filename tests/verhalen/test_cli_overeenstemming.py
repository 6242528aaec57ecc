import json
import subprocess
import sys

import krippendorff
import numpy as np
import pytest
import typer
from sklearn.metrics import cohen_kappa_score
from typer.testing import CliRunner

from impact.cli import verhalen_codering

runner = CliRunner()


def make_app() -> typer.Typer:
    app = typer.Typer()
    verhalen_codering.register(app)
    return app


def test_json_two_coders(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("codeur,u1,u2,u3,u4,u5,u6\nanna,1,2,3,3,,1\nbert,1,2,2,3,2,2\n",
                    encoding="utf-8")
    result = runner.invoke(make_app(), ["overeenstemming", str(path), "--niveau", "ordinaal",
                                        "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    data = np.array([[1, 2, 3, 3, np.nan, 1], [1, 2, 2, 3, 2, 2]])
    assert out["alpha"] == pytest.approx(
        krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"))
    assert out["kappa"] == pytest.approx(cohen_kappa_score([1, 2, 3, 3, 1], [1, 2, 2, 3, 2]))
    assert (out["niveau"], out["n_codeurs"], out["n_eenheden"]) == ("ordinaal", 2, 6)


def test_text_output_three_coders_nominal(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text("a,b,c,d\nja,nee,ja,\nja,nee,nee,ja\nja,,ja,ja\n", encoding="utf-8")
    result = runner.invoke(make_app(), ["overeenstemming", str(path)])
    assert result.exit_code == 0, result.output
    assert "Krippendorffs alfa (nominaal)" in result.output
    assert "Cohens kappa:" not in result.output  # three coders: pairwise only
    assert "codeur 1 - codeur 2" in result.output


def test_user_error_exit_code_2_in_dutch(tmp_path):
    path = tmp_path / "slecht.csv"
    path.write_text("u1,u2\n1,hoog\n2,3\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", "from impact.cli import main; main()", "verhalen",
         "overeenstemming", str(path), "--niveau", "interval", "--json"],
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "slecht.csv:2:u2" in proc.stderr and "Traceback" not in proc.stderr
