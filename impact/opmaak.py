"""Dutch notation for amounts in plain-text output (CLI, figure titles): € 1.234,56."""

from __future__ import annotations

from babel.numbers import format_currency


def euro(bedrag: float) -> str:
    """€ 1.234,56, negative as € -1.234,56 (ordinary spaces, for terminals and plotly titles)."""
    return format_currency(float(bedrag), "EUR", locale="nl_NL").replace("\xa0", " ")
