"""Build NNN.txt/NNN.json (the evaluation format of ../README.md) from the inline notes in bron/.

    python tests/verhalen/evaluatie/ontwikkel_extra/maak.py

Inline markup: {P:...} PERSOON, {A:...} ADRES, {PC:...} POSTCODE, {T:...} TELEFOON,
{E:...} EMAIL, {B:...} BSN, {I:...} IBAN, {D:...} DATUM, {L:...} LEEFTIJD,
{O:...} ORGANISATIE, {X:...} DECOY. The first line 'register: ...' names the register.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
KINDS = {
    "P": "PERSOON", "A": "ADRES", "PC": "POSTCODE", "T": "TELEFOON", "E": "EMAIL", "B": "BSN",
    "I": "IBAN", "D": "DATUM", "L": "LEEFTIJD", "O": "ORGANISATIE", "X": "DECOY",
}  # fmt: skip
MARK = re.compile(r"\{(PC|[PATEBIDLOX]):([^{}]+)\}")


def convert(source: str) -> tuple[str, dict]:
    first, body = source.split("\n", 1)
    register = first.removeprefix("register:").strip()
    text, spans, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(body):
        plain = body[pos : m.start()]
        text.append(plain)
        out_len += len(plain)
        span = m.group(2)
        spans.append({"start": out_len, "end": out_len + len(span), "soort": KINDS[m.group(1)], "tekst": span})
        text.append(span)
        out_len += len(span)
        pos = m.end()
    text.append(body[pos:])
    plain_text = "".join(text)
    assert "{" not in plain_text, plain_text
    for s in spans:
        assert plain_text[s["start"] : s["end"]] == s["tekst"]
    return plain_text, {"register": register, "spans": spans}


def main() -> None:
    for src in sorted((HERE / "bron").glob("e*.txt")):
        text, ann = convert(src.read_text("utf-8"))
        (HERE / f"{src.stem}.txt").write_text(text, "utf-8")
        (HERE / f"{src.stem}.json").write_text(json.dumps(ann, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
