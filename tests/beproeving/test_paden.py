"""Tests find their files relative to their own file, never relative to the current directory and
never outside the repository (CI runs on a clean clone; a developer may run pytest from anywhere)."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

RELATIEF = re.compile(
    r"""(?:\bopen|\bPath|read_text|read_csv|read_excel|safe_load_file)\(\s*["'](?!/)[\w.-]+/[^"']*["']"""
)
BUITEN = re.compile(r"""["'](?:/work|/home|/srv|/mnt|/opt)/[^"']*["']""")
MOGELIJK_RELATIEF_PAD = re.compile(
    r"""^\s*[A-Z_]+\s*=\s*["'](?:voorbeelden|notebooks|impact|tests|modellen|rapporten|verhalen)/"""
)


def _bronnen():
    for pad in sorted(TESTS.rglob("*.py")):
        if pad.resolve() != Path(__file__).resolve():
            yield pad, pad.read_text(encoding="utf-8").splitlines()


def test_geen_paden_ten_opzichte_van_de_werkmap():
    fouten = [
        f"{pad.relative_to(TESTS)}:{i}: {regel.strip()}"
        for pad, regels in _bronnen()
        for i, regel in enumerate(regels, 1)
        if RELATIEF.search(regel) or MOGELIJK_RELATIEF_PAD.search(regel)
    ]
    assert not fouten, "gebruik Path(__file__).resolve().parents[...]:\n" + "\n".join(fouten)


def test_geen_bestanden_buiten_de_repository():
    fouten = [
        f"{pad.relative_to(TESTS)}:{i}: {regel.strip()}"
        for pad, regels in _bronnen()
        for i, regel in enumerate(regels, 1)
        if BUITEN.search(regel)
    ]
    assert not fouten, "\n".join(fouten)
