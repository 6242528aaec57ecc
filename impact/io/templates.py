"""`impact sjabloon`: an empty import file with Dutch headers, one example row and an explanation."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from impact.instruments import builtin
from impact.io.kinds import KINDS, Column
from impact.io.tabular import EXCEL_SUFFIXES, write_table
from impact.io.validation import RULES

TYPE_NAMES = {
    "text": "tekst",
    "int": "geheel getal",
    "number": "getal (komma of punt)",
    "date": "datum (2024-03-31 of 31-03-2024)",
    "choice": "keuze",
    "client": "pseudoniem van een cliënt",
    "interventie": "naam van een interventie",
}


def explanation(kind_name: str) -> pd.DataFrame:
    kind = KINDS[kind_name]
    rows = [
        {
            "kolom": c.name,
            "verplicht": "ja" if c.required else "nee",
            "type": TYPE_NAMES[c.kind],
            "uitleg": c.help,
            "toegestane waarden": ", ".join(c.choices),
            "controle bij importeren": "; ".join(_checks(kind_name, c)),
        }
        for c in kind.columns
    ]
    if kind_name == "metingen":
        for instrument in builtin().values():
            rows.append(
                {
                    "kolom": "domein",
                    "verplicht": "",
                    "type": f"{instrument.code} ({instrument.schaal_min:g}–{instrument.schaal_max:g})",
                    "uitleg": instrument.naam,
                    "toegestane waarden": ", ".join(instrument.domain_codes),
                    "controle bij importeren": "score in hele getallen" if instrument.hele_getallen else "",
                }
            )
    return pd.DataFrame(rows)


def _checks(kind_name: str, column: Column) -> list[str]:
    """What import checks for this column, in the words of the rules themselves."""
    checks = []
    if column.minimum is not None and column.maximum is not None:
        checks.append(f"van {column.minimum:g} tot en met {column.maximum:g}")
    elif column.minimum is not None:
        checks.append(f"{column.minimum:g} of meer")
    return checks + RULES.get(kind_name, {}).get(column.name, [])


def write_template(kind_name: str, path: str | Path) -> Path:
    kind = KINDS[kind_name]
    example = pd.DataFrame([{c.name: c.example for c in kind.columns}])
    path = Path(path)
    if path.suffix.lower() not in EXCEL_SUFFIXES:
        return write_table(example, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        example.to_excel(writer, index=False, sheet_name=kind_name)
        explanation(kind_name).to_excel(writer, index=False, sheet_name="toelichting")
        for sheet in writer.sheets.values():
            for column in sheet.columns:
                width = max(len(str(cell.value or "")) for cell in column)
                sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 12), 70)
    return path
