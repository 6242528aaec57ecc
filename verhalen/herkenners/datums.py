"""Dates with a day ('12 maart 2024', '12-3-2024', '12/3'), and how a found date is read back."""

from __future__ import annotations

import re

from verhalen.herkenners.basis import DATUM, MONTH_ALT, MONTH_NAMES, MONTHS, Detection

_DAY_MONTH = re.compile(
    r"(?i)(?<![\w\-/.])([0-3]?\d)(?:e|ste|de)? (" + MONTH_ALT + r")\.?(?: ('?\d{4}|'\d{2}))?(?![\w])"
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w\-/.,])(?:([0-3]?\d)[-/.]([01]?\d)[-/.](\d{4}|\d{2})|(\d{4})-([01]\d)-([0-3]\d))(?![\w\-/])"
)
# '14/6', '3-5' only with a slash; '16/3' is a date in notes, '3-5' is as often a score range
_DAY_SLASH_MONTH = re.compile(r"(?<![\w\-/.,€])([0-3]?\d)/([01]?\d)(?![\w/]|[.,]\d)")
# '19-02', '14-6' (descending: a score range '3-5' ascends), 'sinds 1-7' with a date word before
_DAY_DASH_MONTH = re.compile(r"(?<![\w\-/.,€])([0-3]?\d)-([01]?\d)(?![\w\-/]|[.,]\d)")
_TIME_AFTER = re.compile(r",?\s+(?:om\s+)?[0-2]?\d[:.][0-5]\d(?!\d)")
_COUNTED = re.compile(  # '6/7 gasten', '3-4 jongeren': a number of people, not a date
    r"\s+(?:gasten|jongeren|jongens|meiden|meisjes|mensen|man|vrouwen|kinderen|personen|deelnemers|bewoners|"
    r"gezinnen|huishoudens|keer|dagen|weken|maanden|uur|stuks)\b"
)
_DATE_WORD_BEFORE = re.compile(r"(?i)\b(?:sinds|vanaf|per|op|tot|t/m|d\.d\.|dd|datum)\s*:?\s*$")
_MONTH_YEAR = re.compile(r"(?i)(?<![\w])(" + MONTH_ALT + r")\.? (\d{4})(?![\w])")


def find_dates(text: str) -> list[Detection]:
    """Dates with day and month: '3 maart', '3 mrt.', '3 maart 2024', '03-03-2024', '2024-03-03', '16/3'.

    A weekday before the date stays ('maandag 3 maart' -> '3 maart'); month and year alone
    ('maart 2024') is not a date of a person's life and stays too.
    """
    found = []
    for m in _DAY_MONTH.finditer(text):
        if 1 <= int(m.group(1)) <= 31:
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag-maand"))
    for m in _NUMERIC_DATE.finditer(text):
        if parse_date_parts(m.group()) is not None:
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "datum"))
    for m in _DAY_SLASH_MONTH.finditer(text):
        if (
            1 <= int(m.group(1)) <= 31
            and 1 <= int(m.group(2)) <= 12
            and m.group() != "24/7"
            and not _COUNTED.match(text, m.end())
        ):
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag/maand"))
    for m in _DAY_DASH_MONTH.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        # a leading zero ('02-11', '19-02') or a time after it ('2-11 18:02', a chat) makes a date
        padded = any(len(g) == 2 and g.startswith("0") for g in (m.group(1), m.group(2)))
        if _COUNTED.match(text, m.end()):
            continue
        if (
            padded
            or _TIME_AFTER.match(text, m.end())
            or day > month
            or _DATE_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            found.append(Detection(m.start(), m.end(), DATUM, m.group(), "dag-maand-streep"))
    return found


def parse_date_parts(value: str) -> tuple[int | None, int, int | None] | None:
    """(day, month, year) from a date as written; day or year may be missing; None if unclear."""
    s = value.strip().lower()
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return (d, mo, y) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.search(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})", s)
    if m:
        d, mo, y = (int(g) for g in m.groups())
        if y < 100:
            y += 2000 if y < 50 else 1900
        return (d, mo, y) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", s)
    if m:
        d, mo = (int(g) for g in m.groups())
        return (d, mo, None) if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.search(r"(?:(\d{1,2})\w*\s+)?(" + MONTH_ALT + r")\b\.?(?:\s+'?(\d{2,4}))?", s)
    if m:
        day = int(m.group(1)) if m.group(1) else None
        year = None
        if m.group(3):
            year = int(m.group(3))
            if year < 100:
                year += 2000 if year < 50 else 1900
        return (day, MONTHS[m.group(2)], year)
    return None


def month_label(value: str) -> str | None:
    """'12 maart 2024' -> 'maart 2024'; '3 mrt' -> 'maart'; None when no month can be read."""
    parts = parse_date_parts(value)
    if parts is None:
        return None
    _, month, year = parts
    name = MONTH_NAMES[month - 1]
    return f"{name} {year}" if year else name
