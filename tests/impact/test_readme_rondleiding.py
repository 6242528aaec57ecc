"""The README's command-line tour runs top to bottom as written (issue 12, item 6).

Each command runs as a user runs it (a new `impact` process) in an empty folder; the files
it needs come from `impact sjabloon` / `impact exporteer`. Every command must end with exit 0
or a clean Dutch exit 2 (no traceback).
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tour_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Rondleiding: de opdrachtregel", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip().startswith("impact ")]


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    args = shlex.split(command)
    assert args[0] == "impact"
    return subprocess.run([sys.executable, "-m", "impact", *args[1:]], cwd=cwd, capture_output=True,
                          text=True, timeout=600, env={"PATH": "/usr/bin:/bin", "IMPACT_TAAL": "nl",
                                                       **_cache_env()})


def _cache_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k in ("IMPACT_CACHE", "HOME", "TMPDIR")}


def _prepare(command: str, cwd: Path) -> str:
    """Make the files a tour command reads, and keep the slow demo small."""
    if command.startswith("impact importeer clienten clienten.xlsx"):
        assert _run("impact sjabloon clienten --uit clienten.xlsx", cwd).returncode == 0
    if command.startswith("impact importeer metingen metingen.csv"):
        assert _run("impact sjabloon metingen --uit metingen.csv", cwd).returncode == 0
    if command.startswith("impact demo"):
        return command + " --clienten 50"
    if command.startswith("impact analyse groei --csv data.csv"):
        exported = _run("impact exporteer metingen --db demo.db --uit data.csv", cwd)
        assert exported.returncode == 0, exported.stderr
    if command.startswith("impact kosten-baten") and "voorbeelden/" in command:
        (cwd / "voorbeelden").mkdir(exist_ok=True)
        for file in (ROOT / "voorbeelden").iterdir():
            (cwd / "voorbeelden" / file.name).write_bytes(file.read_bytes())
    if command.startswith("impact verhalen pseudonimiseer verhalen/"):
        exported = _run("impact exporteer verhalen --db demo.db --uit verhalen.csv", cwd)
        assert exported.returncode == 0, exported.stderr
        import pandas as pd

        (cwd / "verhalen").mkdir(exist_ok=True)
        texts = pd.read_csv(cwd / "verhalen.csv", sep=None, engine="python")["tekst"].head(3)
        for i, text in enumerate(texts, start=1):
            (cwd / "verhalen" / f"verhaal{i}.txt").write_text(str(text), encoding="utf-8")
    return command


@pytest.mark.traag
def test_readme_tour_runs_as_written(tmp_path):
    commands = tour_commands()
    assert len(commands) >= 8
    failures = []
    for command in commands:
        result = _run(_prepare(command, tmp_path), tmp_path)
        output = result.stdout + result.stderr
        clean = result.returncode == 0 or (result.returncode == 2 and "Traceback" not in output)
        if not clean or "Traceback" in output or re.search(r"\b(Error|Usage):", output):
            failures.append(f"{command}: exit {result.returncode}\n{output[-1500:]}")
    assert failures == [], "\n\n".join(failures)
