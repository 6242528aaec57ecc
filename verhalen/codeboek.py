"""Hierarchical codebook and coded segments (character offsets into a story's text).

A codebook is a tree of codes, each with a name, definition, example and colour. It is kept
as nested YAML for people and as a flat ``codes`` table (code_id, naam, parent_id, definitie,
voorbeeld, kleur) for the database. Coded segments live in a ``coderingen`` table:
codering_id, verhaal_id, code_id, start, eind, codeur, datum — ``start`` inclusive and
``eind`` exclusive, like Python slicing, so ``tekst[start:eind]`` is the coded fragment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from impact.errors import Problem, UserInputError
from impact.io.parsing import DATE_EXPECTED, parse_date
from impact.io.yaml_bestand import parse_yaml, read_yaml

CODE_COLUMNS = ["code_id", "naam", "parent_id", "definitie", "voorbeeld", "kleur"]
CODING_COLUMNS = ["codering_id", "verhaal_id", "code_id", "start", "eind", "codeur", "datum"]
_COLOUR = re.compile(r"^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$")
DEFAULT_COLOUR = "#888888"


@dataclass
class Code:
    """One code in the codebook. ``codeerbaar`` is False for pure categories (headings)."""

    code_id: str
    naam: str
    parent_id: str | None = None
    definitie: str = ""
    voorbeeld: str = ""
    kleur: str = DEFAULT_COLOUR
    codeerbaar: bool = True
    domein: str | None = None
    trefwoorden: list[str] = field(default_factory=list)
    patronen: list[str] = field(default_factory=list)


class Codeboek:
    """A validated tree of codes; order of ``codes`` is kept (parents before children)."""

    def __init__(self, codes: Iterable[Code], naam: str = "codeboek", bron: str = "codeboek"):
        self.naam = naam
        self.codes: list[Code] = list(codes)
        self._validate(bron)
        self._by_id = {c.code_id: c for c in self.codes}

    # -- validation ---------------------------------------------------------------------
    def _validate(self, bron: str) -> None:
        problems: list[Problem] = []
        seen: set[str] = set()
        ids = {c.code_id for c in self.codes}
        for number, code in enumerate(self.codes, start=1):
            where = f"code {number} ({code.code_id})"
            if not str(code.code_id).strip():
                problems.append(Problem(bron, None, where, "elke code heeft een code_id"))
            if code.code_id in seen:
                problems.append(
                    Problem(bron, None, where, "code_id komt maar één keer voor", code.code_id)
                )
            seen.add(code.code_id)
            if not str(code.naam).strip():
                problems.append(Problem(bron, None, where, "elke code heeft een naam"))
            if code.parent_id is not None and code.parent_id not in ids:
                problems.append(
                    Problem(bron, None, where, "parent_id verwijst naar een bestaande code",
                            code.parent_id)
                )
            if not _COLOUR.match(str(code.kleur)):
                problems.append(
                    Problem(bron, None, where, "kleur als #RRGGBB (bijv. #1f77b4)", code.kleur)
                )
            for pattern in code.patronen:
                try:
                    re.compile(pattern)
                except re.error as error:
                    problems.append(
                        Problem(bron, None, where, f"geldige reguliere expressie ({error})",
                                pattern)
                    )
        if not problems:
            parents = {c.code_id: c.parent_id for c in self.codes}
            for code in self.codes:
                walked: set[str] = set()
                node: str | None = code.code_id
                while node is not None:
                    if node in walked:
                        problems.append(
                            Problem(bron, None, f"code {code.code_id}",
                                    "de boom van codes heeft geen kringverwijzing")
                        )
                        break
                    walked.add(node)
                    node = parents.get(node)
        if problems:
            raise UserInputError(problems)

    # -- navigation ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.codes)

    def __contains__(self, code_id: object) -> bool:
        return code_id in self._by_id

    def __getitem__(self, code_id: str) -> Code:
        return self._by_id[code_id]

    def roots(self) -> list[Code]:
        return [c for c in self.codes if c.parent_id is None]

    def children(self, code_id: str | None) -> list[Code]:
        return [c for c in self.codes if c.parent_id == code_id]

    def descendants(self, code_id: str) -> list[Code]:
        out: list[Code] = []
        for child in self.children(code_id):
            out.append(child)
            out.extend(self.descendants(child.code_id))
        return out

    def ancestors(self, code_id: str) -> list[Code]:
        """Parent, grandparent, ... up to the root."""
        out: list[Code] = []
        parent = self._by_id[code_id].parent_id
        while parent is not None:
            out.append(self._by_id[parent])
            parent = self._by_id[parent].parent_id
        return out

    def root_of(self, code_id: str) -> Code:
        chain = self.ancestors(code_id)
        return chain[-1] if chain else self._by_id[code_id]

    def depth(self, code_id: str) -> int:
        return len(self.ancestors(code_id))

    def find(self, name_or_id: str) -> Code | None:
        """Look a code up by id, or else by name (case-insensitive)."""
        if name_or_id in self._by_id:
            return self._by_id[name_or_id]
        wanted = str(name_or_id).strip().casefold()
        for code in self.codes:
            if code.naam.strip().casefold() == wanted:
                return code
        return None

    # -- tables ---------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """The flat ``codes`` table of the data contract (plus codeerbaar, domein)."""
        rows = [
            {
                "code_id": c.code_id, "naam": c.naam, "parent_id": c.parent_id,
                "definitie": c.definitie, "voorbeeld": c.voorbeeld, "kleur": c.kleur,
                "codeerbaar": c.codeerbaar, "domein": c.domein,
            }
            for c in self.codes
        ]
        return pd.DataFrame(rows, columns=[*CODE_COLUMNS, "codeerbaar", "domein"])

    @classmethod
    def from_frame(cls, codes: pd.DataFrame, naam: str = "codeboek") -> Codeboek:
        missing = [c for c in ("code_id", "naam") if c not in codes.columns]
        if missing:
            raise UserInputError(
                [Problem("codes", None, c, "kolom aanwezig") for c in missing]
            )
        out = []
        for row in codes.to_dict("records"):
            parent = row.get("parent_id")
            out.append(
                Code(
                    code_id=str(row["code_id"]),
                    naam=str(row["naam"]),
                    parent_id=None if _is_missing(parent) else str(parent),
                    definitie=_text(row.get("definitie")),
                    voorbeeld=_text(row.get("voorbeeld")),
                    kleur=_text(row.get("kleur")) or DEFAULT_COLOUR,
                    codeerbaar=bool(row.get("codeerbaar", True))
                    if not _is_missing(row.get("codeerbaar", True)) else True,
                    domein=None if _is_missing(row.get("domein")) else str(row.get("domein")),
                )
            )
        return cls(_parents_first(out), naam=naam, bron="codes")

    # -- YAML -----------------------------------------------------------------------------
    def to_dict(self) -> dict:
        def node(code: Code) -> dict:
            out: dict = {"code_id": code.code_id, "naam": code.naam}
            for key in ("definitie", "voorbeeld"):
                if getattr(code, key):
                    out[key] = getattr(code, key)
            out["kleur"] = code.kleur
            if not code.codeerbaar:
                out["codeerbaar"] = False
            if code.domein:
                out["domein"] = code.domein
            if code.trefwoorden:
                out["trefwoorden"] = list(code.trefwoorden)
            if code.patronen:
                out["patronen"] = list(code.patronen)
            kids = self.children(code.code_id)
            if kids:
                out["codes"] = [node(k) for k in kids]
            return out

        return {"naam": self.naam, "codes": [node(r) for r in self.roots()]}

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            yaml.safe_dump(self.to_dict(), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )

    @classmethod
    def from_dict(cls, data: dict, bron: str = "codeboek") -> Codeboek:
        if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
            raise UserInputError(
                Problem(bron, None, "codes", "een lijst 'codes:' met daarin de codes")
            )
        problems: list[Problem] = []
        out: list[Code] = []

        def walk(items: list, parent: str | None, path: str) -> None:
            for i, item in enumerate(items, start=1):
                where = f"{path}[{i}]"
                if not isinstance(item, dict):
                    problems.append(Problem(bron, None, where, "een code met naam", item))
                    continue
                naam = item.get("naam")
                code_id = item.get("code_id", naam)
                if not naam:
                    problems.append(Problem(bron, None, where, "elke code heeft een naam"))
                    continue
                kids = item.get("codes") or []
                out.append(
                    Code(
                        code_id=str(code_id), naam=str(naam), parent_id=parent,
                        definitie=_text(item.get("definitie")),
                        voorbeeld=_text(item.get("voorbeeld")),
                        kleur=str(item.get("kleur") or DEFAULT_COLOUR),
                        codeerbaar=bool(item.get("codeerbaar", True)),
                        domein=item.get("domein"),
                        trefwoorden=[str(t) for t in item.get("trefwoorden") or []],
                        patronen=[str(p) for p in item.get("patronen") or []],
                    )
                )
                if not isinstance(kids, list):
                    problems.append(Problem(bron, None, where, "'codes:' is een lijst", kids))
                    continue
                walk(kids, str(code_id), f"{where}.codes")

        walk(data["codes"], None, "codes")
        if problems:
            raise UserInputError(problems)
        return cls(out, naam=str(data.get("naam", "codeboek")), bron=bron)

    @classmethod
    def load(cls, path: str | Path) -> Codeboek:
        """Read a codebook YAML file with the one safe YAML reader (``impact.io``)."""
        gelezen = read_yaml(path)
        return cls.from_dict(gelezen.document, bron=Path(path).name)


def zrm_codeboek() -> Codeboek:
    """The starting codebook shipped with the package, mapped to the 13 ZRM domains."""
    text = resources.files("verhalen").joinpath("data/codeboek_zrm.yaml").read_text("utf-8")
    return Codeboek.from_dict(parse_yaml(text, "codeboek_zrm.yaml").document, bron="codeboek_zrm.yaml")


# -- codings --------------------------------------------------------------------------------
def lege_coderingen() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in CODING_COLUMNS})


def voeg_codering_toe(
    coderingen: pd.DataFrame, verhaal_id: object, code_id: str, start: int, eind: int,
    codeur: str, datum: object = None,
) -> pd.DataFrame:
    """Return ``coderingen`` with one segment added (a new frame; the input is unchanged)."""
    if start < 0 or eind <= start:
        raise UserInputError(
            Problem("codering", None, "start/eind", "0 <= start < eind", (start, eind))
        )
    next_id = 1 if coderingen.empty else int(pd.to_numeric(coderingen["codering_id"]).max()) + 1
    row = pd.DataFrame([{
        "codering_id": next_id, "verhaal_id": verhaal_id, "code_id": code_id,
        "start": int(start), "eind": int(eind), "codeur": codeur,
        "datum": pd.Timestamp(datum if datum is not None else pd.Timestamp.today()).normalize(),
    }])
    if coderingen.empty:
        return row
    return pd.concat([coderingen, row], ignore_index=True)


def controleer_coderingen(
    coderingen: pd.DataFrame, verhalen: pd.DataFrame, codeboek: Codeboek | None = None,
    bron: str = "coderingen",
) -> None:
    """Raise one UserInputError listing every coding that does not fit its story or codebook."""
    problems: list[Problem] = []
    missing = [c for c in ("verhaal_id", "code_id", "start", "eind") if c not in coderingen]
    if missing:
        raise UserInputError([Problem(bron, 1, c, "kolom aanwezig") for c in missing])
    lengths = dict(zip(verhalen["verhaal_id"], verhalen["tekst"].fillna("").str.len(),
                       strict=True))
    for i, row in enumerate(coderingen.to_dict("records")):
        line = i + 2
        if row["verhaal_id"] not in lengths:
            problems.append(Problem(bron, line, "verhaal_id", "een bestaand verhaal",
                                    row["verhaal_id"]))
            continue
        try:
            start, eind = int(row["start"]), int(row["eind"])
        except (TypeError, ValueError):
            problems.append(Problem(bron, line, "start", "hele getallen voor start en eind",
                                    (row["start"], row["eind"])))
            continue
        if not 0 <= start < eind <= lengths[row["verhaal_id"]]:
            problems.append(Problem(
                bron, line, "start/eind",
                f"0 <= start < eind <= {lengths[row['verhaal_id']]} (lengte van de tekst)",
                (start, eind)))
        if codeboek is not None:
            code = codeboek.find(str(row["code_id"]))
            if code is None:
                problems.append(Problem(bron, line, "code_id", "een code uit het codeboek",
                                        row["code_id"]))
            elif not code.codeerbaar:
                problems.append(Problem(bron, line, "code_id",
                                        "een codeerbare code (geen categorie)", row["code_id"]))
    if problems:
        raise UserInputError(problems)


def coderingen_uit_tabel(
    frame: pd.DataFrame, verhalen: pd.DataFrame, codeboek: Codeboek, *, bestand: str = "coderingen"
) -> pd.DataFrame:
    """Manual codings from a table as read by ``impact.io.tabular.read_table`` (verhaal_id,
    code — id or name —, start, eind, codeur, datum; every cell text): check them all and
    return a ``coderingen`` table with code ids."""
    frame = frame.astype(str).reset_index(drop=True)
    if "code" in frame.columns and "code_id" not in frame.columns:
        frame = frame.rename(columns={"code": "code_id"})
    problems = [Problem(bestand, 1, c, "kolom aanwezig")
                for c in ("verhaal_id", "code_id", "start", "eind", "codeur")
                if c not in frame.columns]
    if problems:
        raise UserInputError(problems)
    ids = verhalen["verhaal_id"]
    if pd.api.types.is_integer_dtype(ids):
        frame["verhaal_id"] = pd.to_numeric(frame["verhaal_id"], errors="coerce").astype("Int64")
    frame["code_id"] = [
        codeboek.find(v).code_id if codeboek.find(v) else v for v in frame["code_id"]
    ]
    controleer_coderingen(frame, verhalen, codeboek, bron=bestand)
    frame["start"] = frame["start"].astype(int)
    frame["eind"] = frame["eind"].astype(int)
    if "datum" in frame:
        datum, invalid = parse_date(frame["datum"])
        if invalid.any():
            raise UserInputError([
                Problem(bestand, int(i) + 2, "datum", DATE_EXPECTED + " of leeg", frame.at[i, "datum"])
                for i in frame.index[invalid.to_numpy()]
            ])
        frame["datum"] = datum
    else:
        frame["datum"] = pd.NaT
    frame["codering_id"] = range(1, len(frame) + 1)
    return frame[CODING_COLUMNS].reset_index(drop=True)


def met_fragment(coderingen: pd.DataFrame, verhalen: pd.DataFrame) -> pd.DataFrame:
    """Add the coded text (``fragment``) to each coding."""
    text = dict(zip(verhalen["verhaal_id"], verhalen["tekst"].fillna(""), strict=True))
    out = coderingen.copy()
    out["fragment"] = [
        text.get(v, "")[int(s):int(e)]
        for v, s, e in zip(out["verhaal_id"], out["start"], out["eind"], strict=True)
    ]
    return out


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA \
        or value == ""


def _text(value: object) -> str:
    return "" if _is_missing(value) else str(value)


def _parents_first(codes: list[Code]) -> list[Code]:
    by_id = {c.code_id: c for c in codes}
    done: set[str] = set()
    out: list[Code] = []

    def add(code: Code, guard: int = 0) -> None:
        if code.code_id in done or guard > len(codes):
            return
        if code.parent_id in by_id and code.parent_id not in done:
            add(by_id[code.parent_id], guard + 1)
        done.add(code.code_id)
        out.append(code)

    for code in codes:
        add(code)
    return out


def _plain(text: object) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def domein_per_code(codes: pd.DataFrame, domeinen: dict[str, str]) -> dict[str, str]:
    """code_id (as text) -> domain code, through each code's root code.

    ``codes``: a ``codes`` table (code_id, naam, parent_id); ``domeinen``: domain code ->
    domain name (e.g. the 13 ZRM domains). A root code belongs to a domain when its name or
    id is the domain's name or code, ignoring case and accents ('Financiën', 'financien');
    every code below it belongs to that domain too. Codes under other roots (keerpunt, eigen
    kracht) are left out.
    """
    if codes is None or codes.empty:
        return {}
    lookup = {}
    for code, naam in domeinen.items():
        lookup[_plain(code)] = code
        lookup[_plain(naam)] = code
    parent = {str(c): (None if _is_missing(p) else str(p))
              for c, p in zip(codes["code_id"], codes["parent_id"], strict=True)}
    names = {str(c): n for c, n in zip(codes["code_id"], codes["naam"], strict=True)}
    out = {}
    for code in parent:
        root, seen = code, {code}
        while parent.get(root) is not None and parent[root] not in seen:
            root = parent[root]
            seen.add(root)
        domain = lookup.get(_plain(names.get(root, ""))) or lookup.get(_plain(root))
        if domain is not None:
            out[code] = domain
    return out
