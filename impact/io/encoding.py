"""Turning the bytes of a user's text file into text, strictly: never a silent change of meaning.

Rules, in order:

* a UTF-8 byte-order mark: the file is UTF-8, and must be wholly UTF-8;
* a UTF-16 byte-order mark (or the zero bytes of UTF-16 without one): the file is UTF-16;
* other zero bytes: not a text file;
* valid UTF-8: UTF-8;
* otherwise cp1252 (what Excel writes on Dutch Windows), but only when the file is
  consistently cp1252: a file that also holds valid UTF-8 letters (``Kerkëveld`` written as
  two bytes) has mixed encodings and is refused, naming the lines with the odd bytes.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from impact.errors import Problem, UserInputError

MAX_LINES_NAMED = 10
# A multi-byte UTF-8 sequence: a lead byte followed by the right number of continuation bytes.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


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
            return body.decode(utf16)
        except UnicodeDecodeError:
            raise UserInputError(
                Problem(file, None, None, "geldige UTF-16-tekst (sla het bestand op als UTF-8)",
                        "ongeldige UTF-16-tekens")  # fmt: skip
            ) from None
    if b"\x00" in raw:
        raise UserInputError(
            Problem(file, None, None, "een tekstbestand (CSV, YAML of tekst)", "binaire gegevens")
        )
    if raw.startswith(codecs.BOM_UTF8):
        body = raw[len(codecs.BOM_UTF8) :]
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            _refuse_lines(file, body, "UTF-8-tekst (het bestand begint als UTF-8)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(raw):
        _refuse_lines(
            file, raw, "één tekenset in het hele bestand (UTF-8 en Windows-tekens door elkaar)"
        )
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        _refuse_lines(file, raw, "tekst in UTF-8 of Windows-1252", encoding="cp1252")
    raise AssertionError("unreachable")  # pragma: no cover


def _refuse_lines(file: str, raw: bytes, expected: str, encoding: str = "utf-8") -> None:
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
