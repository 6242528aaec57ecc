"""Turning the bytes of a user's text file into text, strictly: never a silent change of meaning.

Rules, in order:

* a UTF-8 byte-order mark: the file is UTF-8, and must be wholly UTF-8;
* a UTF-16 byte-order mark (or the zero bytes of UTF-16 without one): the file is UTF-16;
* other zero bytes: not a text file;
* in any encoding, no control characters but tab, newline, carriage return, vertical tab and
  form feed; in UTF-16, hardly any unassigned or private-use characters and some space or line
  break: a binary file (or a UTF-8 one) that happens to start with a UTF-16 byte-order mark, or
  a binary file that happens to decode as cp1252, is refused rather than read as garbage;
* valid UTF-8: UTF-8;
* otherwise cp1252 (what Excel writes on Dutch Windows), but only when the file is
  consistently cp1252: a file that also holds valid UTF-8 letters (``Kerkëveld`` written as
  two bytes) has mixed encodings and is refused, naming the lines with the odd bytes.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path
from typing import NoReturn

from impact.errors import Problem, UserInputError

MAX_LINES_NAMED = 10
# A multi-byte UTF-8 sequence: a lead byte followed by the right number of continuation bytes.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Control characters no text file holds (tab, newline, vertical tab, form feed and carriage
# return are allowed; vertical tab is Word's line break).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Random bytes read as UTF-16 give about a quarter unassigned or private-use characters; text,
# even with emoji newer than this Python's Unicode tables, gives almost none.
MAX_UNASSIGNED_SHARE = 0.05
# ASCII bytes read as UTF-16 pair up into CJK-looking characters and never into a space
# (0x20 0x00) or a line break: text this long without either is not what the file holds.
MIN_LENGTH_WITHOUT_WHITESPACE = 20
UTF16_SAMPLE = 10_000


def read_bytes(path: str | Path) -> bytes:
    path = Path(path)
    if path.is_dir():
        raise UserInputError(Problem(str(path), None, None, "een bestand, geen map"))
    if not path.is_file():
        raise UserInputError(Problem(str(path), None, None, "een bestaand bestand"))
    return path.read_bytes()


def read_text(path: str | Path, max_bytes: int | None = None) -> str:
    """The text of ``path`` by the rules above; newlines as in the file."""
    raw = read_bytes(path)
    if max_bytes is not None and len(raw) > max_bytes:
        raise UserInputError(
            Problem(str(path), None, None, f"een bestand van hoogstens {max_bytes // 1_000_000} MB",
                    f"{len(raw) / 1_000_000:.1f} MB")  # fmt: skip
        )
    return decode(raw, str(path))


def looks_utf16(raw: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the bytes are UTF-16 text (with or without a mark)."""
    if raw.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = raw[:2000]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
            return "utf-16-le"
        if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
            return "utf-16-be"
    return None


def decode(raw: bytes, file: str) -> str:
    """Text from bytes by the module's rules, or a Dutch refusal naming the file (and lines)."""
    utf16 = looks_utf16(raw)
    if utf16:
        body = raw[2:] if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else raw
        try:
            text = body.decode(utf16)
        except UnicodeDecodeError:
            raise UserInputError(
                Problem(file, None, None, "geldige UTF-16-tekst (sla het bestand op als UTF-8)",
                        "ongeldige UTF-16-tekens")  # fmt: skip
            ) from None
        if b"\x00" not in body[:UTF16_SAMPLE]:  # every line break and Latin letter has one
            raise UserInputError(
                Problem(file, None, None, "tekst in één tekenset (sla het bestand op als UTF-8)",
                        "een UTF-16-kenmerk aan het begin, maar de tekst erna is geen UTF-16")  # fmt: skip
            )
        if not _reads_as_utf16_text(text):
            raise UserInputError(
                Problem(file, None, None, "een tekstbestand (CSV, YAML of tekst)",
                        "binaire gegevens (het bestand begint als UTF-16-tekst, maar de rest is geen tekst)")  # fmt: skip
            )
        return _without_control_characters(text, file)
    if b"\x00" in raw:
        raise UserInputError(
            Problem(file, None, None, "een tekstbestand (CSV, YAML of tekst)", "binaire gegevens")
        )
    if raw.startswith(codecs.BOM_UTF8):
        body = raw[len(codecs.BOM_UTF8) :]
        try:
            return _without_control_characters(body.decode("utf-8"), file)
        except UnicodeDecodeError:
            _refuse_lines(file, body, "UTF-8-tekst (het bestand begint als UTF-8)")
    try:
        return _without_control_characters(raw.decode("utf-8"), file)
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(raw):
        _refuse_lines(
            file, raw, "één tekenset in het hele bestand (UTF-8 en Windows-tekens door elkaar)"
        )
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        _refuse_lines(file, raw, "tekst in UTF-8 of Windows-1252", encoding="cp1252")
    return _without_control_characters(text, file)


def _reads_as_utf16_text(text: str) -> bool:
    """Judged on the opening: a sample tells bytes from text, a large file is not walked
    character by character."""
    sample = text[:UTF16_SAMPLE]
    unassigned = sum(unicodedata.category(c) in ("Cn", "Co") for c in sample)
    if unassigned > MAX_UNASSIGNED_SHARE * len(sample):
        return False
    return len(sample) < MIN_LENGTH_WITHOUT_WHITESPACE or any(c.isspace() for c in sample)


def _without_control_characters(text: str, file: str) -> str:
    """``text`` itself, or a refusal naming the lines (up to a few) that hold control characters."""
    if not _CONTROL.search(text):
        return text
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = _CONTROL.search(line)
        if found:
            problems.append(Problem(file, number, None, "tekst zonder stuurtekens (is dit een tekstbestand?)",
                                    f"stuurteken U+{ord(found.group()):04X}"))  # fmt: skip
            if len(problems) >= MAX_LINES_NAMED:
                break
    raise UserInputError(problems)


def _refuse_lines(file: str, raw: bytes, expected: str, encoding: str = "utf-8") -> NoReturn:
    """Refuse, naming every line (up to a few) whose bytes do not decode as ``encoding``."""
    problems = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError as error:
            byte = line[error.start : error.start + 1]
            problems.append(Problem(file, number, None, expected, f"byte 0x{byte.hex()}"))
            if len(problems) >= MAX_LINES_NAMED:
                break
    raise UserInputError(problems or [Problem(file, None, None, expected)])
