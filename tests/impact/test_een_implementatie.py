"""One implementation per concept (issue 9/12): one reader, one date parser, one YAML
loader, one number formatter, one list of financiers. A second copy anywhere fails here."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROOMS = ("impact", "modellen", "verhalen", "rapporten")

# Package data shipped with the library (not user files) may be read directly.
PACKAGE_DATA = {
    "impact/instruments.py",  # built-in instrument definitions
    "impact/demo/personen.py",
    "impact/demo/teksten.py",
    "impact/demo/regio.py",
    "modellen/kostenbaten/indexering.py",  # the shipped CPI series
    "rapporten/dialoog.py",  # shipped perspective files
}


def _sources():
    for room in ROOMS:
        for path in sorted((ROOT / room).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            yield relative, path.read_text(encoding="utf-8")


def _hits(pattern: str, allowed: set[str] = frozenset(), also_io: bool = False) -> list[str]:
    regex = re.compile(pattern)
    found = []
    for relative, text in _sources():
        if relative in allowed or (not also_io and relative.startswith("impact/io/")):
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if regex.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_one_table_reader():
    assert _hits(r"pd\.read_csv\(|pd\.read_excel\(|openpyxl\.load_workbook\(", PACKAGE_DATA) == []


def test_one_yaml_loader():
    assert _hits(r"yaml\.(safe_)?load\(", PACKAGE_DATA) == []


def test_one_date_parser():
    assert _hits(r"strptime\(|to_datetime\([^)]*errors=.coerce.") == []


def test_one_number_formatter():
    assert _hits(r"""replace\(["']\.["'], ["'],["']\)|:,\}""", also_io=True) == []


def test_financiers_defined_once():
    definitions = _hits(r"^FINANCIERS\s*=", also_io=True)
    assert [d.split(":")[0] for d in definitions] == ["impact/contract.py"]
