"""REFI-QDA exchange: .qdpx projects and .qdc codebooks (QDA-XML 1.0).

A .qdpx file is a zip with ``project.qde`` (XML, namespace ``urn:QDA-XML:project:1.0``)
and a ``sources/`` folder holding each text source as ``<guid>.txt``. What goes out:

- sources: one TextSource per story (title as name, the story's own attributes — soort,
  datum, auteur_rol, gemeente, wijk, toestemming, verhaal_id — as source variables);
- the codebook (categories as ``isCodable="false"``), one User per coder;
- codings: one PlainTextSelection with one Coding per coded segment;
- cases: one Case per client, named by pseudonym, carrying the client's quantitative
  results as variables (RCI category per domain, intervention, gemeente, ...) so a MAXQDA /
  ATLAS.ti / QualCoder user can activate stories by figures.

Story text is written as plain UTF-8 text and XML-escaped wherever it appears in XML;
nothing is ever interpreted as markup. Offsets are Unicode code points into the text file
as written (so CRLF counts as two characters when exporting with ``regeleinde="\\r\\n"``).

Vendor differences handled on import: ``sources/`` vs ``Sources/`` (any case), sources
inline (PlainTextContent) or as files (``internal://``, relative or ``file://`` paths),
CRLF line endings (offsets counted in the file, or with CRLF as one character),
UTF-16 code-unit offsets, GUIDs with or without braces and in any case, a UTF-8 BOM.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd
from lxml import etree

from impact.errors import Problem, UserInputError
from verhalen.codeboek import CODING_COLUMNS, Code, Codeboek

NS_PROJECT = "urn:QDA-XML:project:1.0"
NS_CODEBOOK = "urn:QDA-XML:codebook:1.0"
_GUID_NS = uuid.UUID("6f1d7c3e-4f0a-5b8e-9a55-0d1b2c3e4f50")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
STORY_VARIABLES = ["verhaal_id", "soort", "datum", "auteur_rol", "gemeente", "wijk",
                   "toestemming"]


def guid(kind: str, key: object) -> str:
    """Deterministic GUID, so the same story/code/coder gets the same GUID in every export."""
    return str(uuid.uuid5(_GUID_NS, f"{kind}:{key}"))


def normalise_guid(value: str | None) -> str:
    return "" if value is None else value.strip().strip("{}").lower()


def schema_path(kind: str = "project") -> Path:
    name = {"project": "Project.xsd", "codebook": "Codebook.xsd"}[kind]
    return Path(str(resources.files("verhalen").joinpath(f"schemas/{name}")))


def validate(xml: bytes | str | Path, kind: str = "project") -> list[str]:
    """Problems found by validating against the official REFI-QDA XSD (empty = valid).

    Needs the optional ``xmlschema`` package (in the 'test' extra).
    """
    import xmlschema

    schema = xmlschema.XMLSchema(str(schema_path(kind)))
    if isinstance(xml, Path):
        if xml.suffix.lower() == ".qdpx":
            with zipfile.ZipFile(xml) as archive:
                xml = archive.read(_find_member(archive, "project.qde"))
        else:
            xml = xml.read_bytes()
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    tree = etree.fromstring(xml)
    return [str(e.reason) + f" ({e.path})" for e in schema.iter_errors(etree.ElementTree(tree))]


# -- variables ---------------------------------------------------------------------------
def client_variables(
    clienten: pd.DataFrame, rci: pd.DataFrame | None = None,
    trajecten: pd.DataFrame | None = None, extra: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per client with the figures to carry into a QDA program.

    ``rci``: client_id, domein and a category column (``categorie`` or ``rci_categorie``,
    e.g. 'betrouwbaar verbeterd') — one column ``rci_<domein>`` per domain. ``trajecten``:
    the client's first intervention becomes ``interventie``. ``extra``: more columns by
    client_id. Identity columns never appear; pseudoniem is the case name.
    """
    keep = [c for c in ["client_id", "pseudoniem", "gemeente", "wijk", "groep", "cohort",
                        "geboortejaar"] if c in clienten.columns]
    out = clienten[keep].copy()
    if trajecten is not None and len(trajecten):
        first = trajecten.sort_values("start").drop_duplicates("client_id")
        out = out.merge(first[["client_id", "interventie"]], on="client_id", how="left")
    if rci is not None and len(rci):
        category = "categorie" if "categorie" in rci.columns else "rci_categorie"
        wide = rci.pivot_table(index="client_id", columns="domein", values=category,
                               aggfunc="last")
        wide.columns = [f"rci_{c}" for c in wide.columns]
        out = out.merge(wide.reset_index(), on="client_id", how="left")
    if extra is not None:
        out = out.merge(extra, on="client_id", how="left")
    return out


def _variable_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "Boolean"
    if pd.api.types.is_integer_dtype(series):
        return "Integer"
    if pd.api.types.is_float_dtype(series):
        non_missing = series.dropna()
        if len(non_missing) and (non_missing == non_missing.round()).all() and \
                series.name in ("geboortejaar", "verhaal_id", "keerpunten"):
            return "Integer"
        return "Float"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "Date"
    return "Text"


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _value_element(parent: etree._Element, var_guid: str, kind: str, value: object) -> None:
    vv = etree.SubElement(parent, _p("VariableValue"))
    etree.SubElement(vv, _p("VariableRef"), targetGUID=var_guid)
    if kind == "Boolean":
        text = "true" if bool(value) else "false"
    elif kind == "Integer":
        text = str(int(value))
    elif kind == "Float":
        text = format(Decimal(repr(float(value))), "f")
    elif kind == "Date":
        text = pd.Timestamp(value).date().isoformat()
    else:
        text = _xml_safe(str(value))
    etree.SubElement(vv, _p(f"{kind}Value")).text = text


# -- export ------------------------------------------------------------------------------
def _p(tag: str) -> str:
    return f"{{{NS_PROJECT}}}{tag}"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped: drop them."""
    return _CONTROL.sub("", text)


def _timestamp(value: object) -> str | None:
    if _missing(value):
        return None
    ts = pd.Timestamp(value)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return ts.tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def _code_elements(parent: etree._Element, codeboek: Codeboek, tag, parent_id=None) -> None:
    for code in codeboek.children(parent_id):
        attrs = {"guid": guid("code", code.code_id), "name": _xml_safe(code.naam),
                 "isCodable": "true" if code.codeerbaar else "false"}
        if code.kleur:
            attrs["color"] = code.kleur
        element = etree.SubElement(parent, tag("Code"), attrs)
        description = _describe(code)
        if description:
            etree.SubElement(element, tag("Description")).text = _xml_safe(description)
        _code_elements(element, codeboek, tag, code.code_id)


def _describe(code: Code) -> str:
    parts = [code.definitie] if code.definitie else []
    if code.voorbeeld:
        parts.append(f"Voorbeeld: {code.voorbeeld}")
    return "\n\n".join(parts)


def _undescribe(text: str) -> tuple[str, str]:
    text = text or ""
    if "\n\nVoorbeeld: " in text:
        definitie, voorbeeld = text.split("\n\nVoorbeeld: ", 1)
        return definitie, voorbeeld
    if text.startswith("Voorbeeld: "):
        return "", text[len("Voorbeeld: "):]
    return text, ""


def _with_line_endings(text: str, regeleinde: str | None) -> str:
    if regeleinde is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", regeleinde) if regeleinde != "\n" else text


def _offset_map(original: str, regeleinde: str | None) -> np.ndarray:
    """Position in ``original`` -> position in the exported text (index len = end)."""
    normal = original.replace("\r\n", "\n")
    if regeleinde is None or (regeleinde == "\n" and normal == original):
        return np.arange(len(original) + 1)
    out = np.zeros(len(original) + 1, dtype=int)
    pos = 0
    i = 0
    while i < len(original):
        out[i] = pos
        if original.startswith("\r\n", i):
            out[i + 1] = pos + (len(regeleinde) - 1 if regeleinde == "\r\n" else 0)
            pos += len(regeleinde)
            i += 2
            continue
        pos += len(regeleinde) if original[i] in "\r\n" else 1
        i += 1
    out[len(original)] = pos
    return out


def shift_position(position: int, replacements: Iterable, side: str) -> int:
    """Where ``position`` in the original text lands after ``replacements`` (objects with
    start, end, replacement; sorted, non-overlapping). A position inside a replaced span
    moves to the span's start (``side='start'``) or end (``side='eind'``)."""
    shift = 0
    for r in replacements:
        if r.end <= position:
            shift += len(r.replacement) - (r.end - r.start)
        elif r.start < position:
            return r.start + shift + (len(r.replacement) if side == "eind" else 0)
        else:
            break
    return position + shift


def pseudonymise_for_export(
    verhalen: pd.DataFrame, coderingen: pd.DataFrame, pseudonymizer: object,
    identiteiten: pd.DataFrame | None = None, tekst_kolom: str = "tekst",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pseudonymise the stories and move every coding's offsets along with the text.

    ``pseudonymizer`` is a :class:`verhalen.pseudonimisering.Pseudonymizer` (anything with
    ``pseudonymize(text, known_identities, client_key)`` returning ``.text`` and
    ``.replacements``). Returns copies with ``gepseudonimiseerd = True``.
    """
    stories = verhalen.copy()
    cods = coderingen.copy()
    texts, moved = [], {}
    for row in stories.to_dict("records"):
        client = row.get("client_id")
        client = None if _missing(client) else client
        known = None
        if identiteiten is not None and client is not None:
            known = identiteiten[identiteiten["client_id"] == client]
        original = "" if _missing(row.get(tekst_kolom)) else str(row[tekst_kolom])
        result = pseudonymizer.pseudonymize(original, known, client)
        texts.append(result.text)
        moved[row["verhaal_id"]] = sorted(result.replacements, key=lambda r: r.start)
    stories[tekst_kolom] = texts
    stories["gepseudonimiseerd"] = True
    if len(cods):
        cods["start"] = [shift_position(int(s), moved.get(v, []), "start")
                         for v, s in zip(cods["verhaal_id"], cods["start"], strict=True)]
        cods["eind"] = [shift_position(int(e), moved.get(v, []), "eind")
                        for v, e in zip(cods["verhaal_id"], cods["eind"], strict=True)]
    return stories, cods


def export_qdpx(
    path: str | Path, verhalen: pd.DataFrame, codeboek: Codeboek,
    coderingen: pd.DataFrame | None = None, variabelen: pd.DataFrame | None = None,
    gebruik: str = "intern", naam: str = "impact-verhalen", regeleinde: str | None = None,
    tekst_kolom: str = "tekst", pseudonymizer: object = None,
    identiteiten: pd.DataFrame | None = None,
) -> int:
    """Write a .qdpx project; returns the number of stories exported.

    Only stories whose consent covers ``gebruik`` are exported (see
    :func:`verhalen.exemplaren.binnen_toestemming`). For a publication use the text must be
    pseudonymised: pass ``pseudonymizer`` (and ``identiteiten``) to do it here, with the
    codings' offsets moved along, or pass stories already marked ``gepseudonimiseerd``;
    otherwise a UserInputError is raised. ``regeleinde`` None keeps the text as it
    is; '\\n' or '\\r\\n' rewrites every line ending and moves the offsets with it (CRLF
    counts as two characters, as in the file).
    """
    from verhalen.exemplaren import binnen_toestemming, is_publicatie

    if regeleinde not in (None, "\n", "\r\n"):
        raise ValueError("regeleinde is None, '\\n' of '\\r\\n'")
    stories = binnen_toestemming(verhalen, gebruik)
    coderingen = coderingen if coderingen is not None else pd.DataFrame(columns=CODING_COLUMNS)
    coderingen = coderingen[coderingen["verhaal_id"].isin(stories["verhaal_id"])]
    if pseudonymizer is not None:
        stories, coderingen = pseudonymise_for_export(stories, coderingen, pseudonymizer,
                                                      identiteiten, tekst_kolom)
    elif is_publicatie(gebruik) and not (
            "gepseudonimiseerd" in stories.columns
            and stories["gepseudonimiseerd"].fillna(False).astype(bool).all()):
        raise UserInputError(Problem(
            "verhalen", None, tekst_kolom,
            "gepseudonimiseerde tekst voor publicatie: geef een pseudonymizer mee of "
            "markeer de verhalen met gepseudonimiseerd = True"))
    xml, files = build_project(stories, codeboek, coderingen, variabelen, naam, regeleinde,
                               tekst_kolom)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, data in files.items():
            archive.writestr(f"sources/{name}", data)
    return len(stories)


def build_project(
    verhalen: pd.DataFrame, codeboek: Codeboek, coderingen: pd.DataFrame,
    variabelen: pd.DataFrame | None = None, naam: str = "impact-verhalen",
    regeleinde: str | None = None, tekst_kolom: str = "tekst",
) -> tuple[bytes, dict[str, bytes]]:
    """The project.qde XML and the source files (name -> UTF-8 bytes)."""
    root = etree.Element(_p("Project"), nsmap={None: NS_PROJECT},
                         name=_xml_safe(naam), origin="impact (Python)",
                         creationDateTime=_timestamp(datetime.now(UTC)))
    coders = sorted({str(c) for c in coderingen.get("codeur", pd.Series(dtype=str))
                     if not _missing(c)})
    if coders:
        users = etree.SubElement(root, _p("Users"))
        for coder in coders:
            etree.SubElement(users, _p("User"), guid=guid("user", coder), name=_xml_safe(coder))
    if len(codeboek):
        book = etree.SubElement(root, _p("CodeBook"))
        _code_elements(etree.SubElement(book, _p("Codes")), codeboek, _p)

    story_vars = {c: _variable_type(verhalen[c]) for c in STORY_VARIABLES
                  if c in verhalen.columns and verhalen[c].notna().any()}
    case_vars: dict[str, str] = {}
    if variabelen is not None and len(variabelen):
        case_vars = {c: _variable_type(variabelen[c]) for c in variabelen.columns
                     if c not in ("client_id", "pseudoniem")}
    if story_vars or case_vars:
        variables = etree.SubElement(root, _p("Variables"))
        # a story attribute that is also a client variable (gemeente, wijk) gets a prefix,
        # so no two variables share a name in the QDA program
        for name, kind in story_vars.items():
            shown = f"verhaal_{name}" if name in case_vars else name
            etree.SubElement(variables, _p("Variable"), guid=guid("var-verhaal", name),
                             name=shown, typeOfVariable=kind)
        for name, kind in case_vars.items():
            etree.SubElement(variables, _p("Variable"), guid=guid("var-client", name),
                             name=name, typeOfVariable=kind)

    if variabelen is not None and len(variabelen) and "client_id" in verhalen.columns:
        stories_per_client = verhalen.dropna(subset=["client_id"]).groupby("client_id")[
            "verhaal_id"].apply(list)
        cases = None
        for row in variabelen.to_dict("records"):
            ids = stories_per_client.get(row["client_id"], [])
            if not ids:
                continue
            if cases is None:
                cases = etree.SubElement(root, _p("Cases"))
            case = etree.SubElement(cases, _p("Case"), guid=guid("case", row["client_id"]),
                                    name=_xml_safe(str(row.get("pseudoniem",
                                                               row["client_id"]))))
            for name, kind in case_vars.items():
                if not _missing(row.get(name)):
                    _value_element(case, guid("var-client", name), kind, row[name])
            for verhaal_id in ids:
                etree.SubElement(case, _p("SourceRef"), targetGUID=guid("story", verhaal_id))

    files: dict[str, bytes] = {}
    if len(verhalen):
        sources = etree.SubElement(root, _p("Sources"))
    by_story = {k: g for k, g in coderingen.groupby("verhaal_id")} if len(coderingen) else {}
    for row in verhalen.to_dict("records"):
        source_guid = guid("story", row["verhaal_id"])
        original = "" if _missing(row.get(tekst_kolom)) else str(row[tekst_kolom])
        text = _with_line_endings(original, regeleinde)
        files[f"{source_guid}.txt"] = text.encode("utf-8")
        title = row.get("titel")
        attrs = {"guid": source_guid,
                 "name": _xml_safe(str(title if not _missing(title) else row["verhaal_id"])),
                 "plainTextPath": f"internal://{source_guid}.txt"}
        created = _timestamp(row.get("datum"))
        if created:
            attrs["creationDateTime"] = created
        source = etree.SubElement(sources, _p("TextSource"), attrs)
        mapping = _offset_map(original, regeleinde)
        segments = by_story.get(row["verhaal_id"])
        if segments is not None:
            for seg in segments.to_dict("records"):
                start, end = int(seg["start"]), int(seg["eind"])
                key = seg.get("codering_id", f"{row['verhaal_id']}-{start}-{end}-{seg['code_id']}")
                sel_attrs = {"guid": guid("selection", f"{row['verhaal_id']}:{key}"),
                             "name": _xml_safe(original[start:end][:60]),
                             "startPosition": str(int(mapping[start])),
                             "endPosition": str(int(mapping[end]))}
                coding_attrs = {"guid": guid("coding", f"{row['verhaal_id']}:{key}")}
                if not _missing(seg.get("codeur")):
                    sel_attrs["creatingUser"] = guid("user", str(seg["codeur"]))
                    coding_attrs["creatingUser"] = sel_attrs["creatingUser"]
                when = _timestamp(seg.get("datum"))
                if when:
                    sel_attrs["creationDateTime"] = when
                    coding_attrs["creationDateTime"] = when
                selection = etree.SubElement(source, _p("PlainTextSelection"), sel_attrs)
                coding = etree.SubElement(selection, _p("Coding"), coding_attrs)
                etree.SubElement(coding, _p("CodeRef"), targetGUID=guid("code", seg["code_id"]))
        for name, kind in story_vars.items():
            if not _missing(row.get(name)):
                _value_element(source, guid("var-verhaal", name), kind, row[name])
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return xml, files


def codebook_xml(codeboek: Codeboek, origin: str = "impact (Python)") -> bytes:
    def tag(name: str) -> str:
        return f"{{{NS_CODEBOOK}}}{name}"

    root = etree.Element(tag("CodeBook"), nsmap={None: NS_CODEBOOK}, origin=origin)
    _code_elements(etree.SubElement(root, tag("Codes")), codeboek, tag)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def export_qdc(path: str | Path, codeboek: Codeboek) -> None:
    """Write the codebook as a REFI-QDA .qdc file."""
    Path(path).write_bytes(codebook_xml(codeboek))


# -- import ------------------------------------------------------------------------------
@dataclass
class QdpxProject:
    verhalen: pd.DataFrame
    codeboek: Codeboek
    coderingen: pd.DataFrame
    cases: pd.DataFrame


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if isinstance(c.tag, str) and _local(c) == name]


def _child(element: etree._Element, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _parse(data: bytes, bron: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UserInputError(Problem(bron, error.lineno, None, "geldige XML", error.msg)
                             ) from None


def _codes_from_xml(container: etree._Element | None, known: dict[str, str]
                    ) -> tuple[list[Code], dict[str, str]]:
    codes: list[Code] = []
    guid_to_id: dict[str, str] = {}

    def walk(element: etree._Element, parent: str | None) -> None:
        for node in _children(element, "Code"):
            g = normalise_guid(node.get("guid"))
            code_id = known.get(g, g)
            guid_to_id[g] = code_id
            description = _child(node, "Description")
            definitie, voorbeeld = _undescribe(description.text if description is not None
                                               else "")
            colour = node.get("color") or "#888888"
            codes.append(Code(code_id=code_id, naam=node.get("name") or code_id,
                              parent_id=parent, definitie=definitie, voorbeeld=voorbeeld,
                              kleur=colour if re.fullmatch(r"#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}",
                                                           colour) else "#888888",
                              codeerbaar=(node.get("isCodable", "true").strip().lower()
                                          in ("true", "1"))))
            walk(node, code_id)

    if container is not None:
        walk(container, None)
    return codes, guid_to_id


def _known_ids(codeboek: Codeboek | None) -> dict[str, str]:
    return {} if codeboek is None else {guid("code", c.code_id): c.code_id for c in codeboek}


def import_qdc(path: str | Path, codeboek: Codeboek | None = None) -> Codeboek:
    """Read a .qdc codebook. Codes exported by this library get their code_id back; codes
    from other programs get their GUID as code_id (or the id in ``codeboek`` if it matches)."""
    path = Path(path)
    root = _parse(path.read_bytes(), path.name)
    codes, _ = _codes_from_xml(_child(root, "Codes"), _known_ids(codeboek) or
                               _known_ids(_shipped()))
    return Codeboek(codes, naam=path.stem, bron=path.name)


def _shipped() -> Codeboek | None:
    from verhalen.codeboek import zrm_codeboek

    return zrm_codeboek()


def _find_member(archive: zipfile.ZipFile, wanted: str) -> str:
    """Case-insensitive lookup of a zip member (vendors differ: sources/ vs Sources/)."""
    wanted_parts = PurePosixPath(wanted.replace("\\", "/")).parts
    lowered = {tuple(p.lower() for p in PurePosixPath(n).parts): n for n in archive.namelist()}
    key = tuple(p.lower() for p in wanted_parts)
    if key in lowered:
        return lowered[key]
    raise KeyError(wanted)


def _source_text(archive: zipfile.ZipFile, source: etree._Element, bron: str) -> str:
    inline = _child(source, "PlainTextContent")
    if inline is not None and inline.text is not None:
        return inline.text
    path = source.get("plainTextPath") or ""
    name = re.sub(r"^(internal|relative)://", "", path)
    name = re.sub(r"^file:/*", "", name)
    candidates = [f"sources/{name}", name, f"sources/{PurePosixPath(name).name}"]
    for candidate in candidates:
        try:
            data = archive.read(_find_member(archive, candidate))
            break
        except KeyError:
            continue
    else:
        raise UserInputError(Problem(bron, None, source.get("name"),
                                     "de brontekst in de map sources/", path))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def _to_internal(text: str, offsets: str, crlf: str, lf: bool) -> tuple[str, np.ndarray]:
    """Map vendor positions to positions in the returned text (LF-normalised if ``lf``)."""
    boundaries = []  # (vendor position, position in returned text)
    pos = out = i = 0
    while i < len(text):
        boundaries.append((pos, out))
        if text.startswith("\r\n", i):
            pos += 1 if crlf == "een_teken" else 2
            out += 1 if lf else 2
            i += 2
        else:
            pos += 2 if offsets == "utf16" and ord(text[i]) > 0xFFFF else 1
            out += 1
            i += 1
    boundaries.append((pos, out))
    units = np.full(pos + 1, -1, dtype=int)
    for vendor, internal in boundaries:
        units[vendor] = internal
    for k in range(1, len(units)):  # inside a CRLF or surrogate pair: round down
        if units[k] < 0:
            units[k] = units[k - 1]
    return (text.replace("\r\n", "\n") if lf else text), units


def import_qdpx(
    path: str | Path, codeboek: Codeboek | None = None, clienten: pd.DataFrame | None = None,
    offsets: str = "tekens", crlf: str = "bestand", regeleinden: str = "behouden",
) -> QdpxProject:
    """Read a .qdpx project back: stories, codebook, codings and cases.

    Stories get their ``verhaal_id`` back from the source variable of that name when the
    project came from this library. Codings are re-linked to clients through the cases:
    a case's SourceRefs name its stories and the case name is the client's pseudonym, which
    ``clienten`` (client_id, pseudoniem) turns back into ``client_id``.

    ``offsets``: 'tekens' (Unicode code points, the standard) or 'utf16' (code units, as
    some Windows programs count). ``crlf``: 'bestand' (CRLF counts as two, as in the file) or
    'een_teken' (the program counted a line break as one character). ``regeleinden``:
    'behouden' returns the text as in the file, 'lf' turns CRLF into LF; offsets always
    point into the returned text.
    """
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, FileNotFoundError) as error:
        raise UserInputError(Problem(path.name, None, None, "een .qdpx-bestand (zip)",
                                     str(error))) from None
    with archive:
        try:
            member = next(n for n in archive.namelist() if n.lower().endswith(".qde"))
        except StopIteration:
            raise UserInputError(Problem(path.name, None, None,
                                         "een project.qde in het .qdpx-bestand")) from None
        root = _parse(archive.read(member), path.name)
        _check_project(root, f"{path.name}/{member}")
        book = _child(root, "CodeBook")
        codes, guid_to_id = _codes_from_xml(
            _child(book, "Codes") if book is not None else None,
            _known_ids(codeboek) or _known_ids(_shipped()))
        cb = Codeboek(codes, naam=root.get("name", "project"), bron=path.name)

        users = {normalise_guid(u.get("guid")): u.get("name") or u.get("id") or "onbekend"
                 for u in (_children(_child(root, "Users"), "User")
                           if _child(root, "Users") is not None else [])}
        variables = {}
        if _child(root, "Variables") is not None:
            variables = {normalise_guid(v.get("guid")): (v.get("name"), v.get("typeOfVariable"))
                         for v in _children(_child(root, "Variables"), "Variable")}

        case_rows, source_case = [], {}
        if _child(root, "Cases") is not None:
            for case in _children(_child(root, "Cases"), "Case"):
                row = {"case": case.get("name"), **_read_values(case, variables)}
                case_rows.append(row)
                for ref in _children(case, "SourceRef"):
                    source_case[normalise_guid(ref.get("targetGUID"))] = case.get("name")
        cases = pd.DataFrame(case_rows)

        story_rows, coding_rows = [], []
        sources = _child(root, "Sources")
        for n, source in enumerate(_children(sources, "TextSource") if sources is not None
                                   else [], start=1):
            raw = _source_text(archive, source, path.name)
            text, mapping = _to_internal(raw, offsets, crlf, regeleinden == "lf")
            values = {(k[len("verhaal_"):] if k.startswith("verhaal_")
                       and k[len("verhaal_"):] in STORY_VARIABLES else k): v
                      for k, v in _read_values(source, variables).items()}
            g = normalise_guid(source.get("guid"))
            verhaal_id = values.pop("verhaal_id", None)
            story = {"verhaal_id": int(verhaal_id) if verhaal_id is not None else n,
                     "titel": source.get("name"), "tekst": text,
                     "pseudoniem": source_case.get(g), "bron_guid": g, **values}
            story_rows.append(story)

            def add(code_ref: etree._Element | None, start: int, end: int, who: str | None,
                    when: str | None, story=story, mapping=mapping) -> None:
                if code_ref is None:
                    return
                code_guid = normalise_guid(code_ref.get("targetGUID"))
                s = int(mapping[min(max(start, 0), len(mapping) - 1)])
                e = int(mapping[min(max(end, 0), len(mapping) - 1)])
                coding_rows.append({
                    "bron_guid": story["bron_guid"],
                    "bron_start": start, "bron_eind": end,
                    "buiten_tekst": not 0 <= start < end <= len(mapping) - 1,
                    "verhaal_id": story["verhaal_id"],
                    "code_id": guid_to_id.get(code_guid, code_guid),
                    "start": s, "eind": e,
                    "codeur": users.get(normalise_guid(who), who) if who else "onbekend",
                    "datum": pd.Timestamp(when).tz_localize(None).normalize()
                    if when and pd.Timestamp(when).tzinfo else
                    (pd.Timestamp(when).normalize() if when else pd.NaT),
                })

            for selection in _children(source, "PlainTextSelection"):
                start = _position(selection, "startPosition", source, member, path.name)
                end = _position(selection, "endPosition", source, member, path.name)
                for coding in _children(selection, "Coding"):
                    add(_child(coding, "CodeRef"), start, end,
                        coding.get("creatingUser") or selection.get("creatingUser"),
                        coding.get("creationDateTime") or selection.get("creationDateTime"))
            for coding in _children(source, "Coding"):  # whole-document codings
                add(_child(coding, "CodeRef"), 0, len(mapping) - 1,
                    coding.get("creatingUser"), coding.get("creationDateTime"))

    verhalen = pd.DataFrame(story_rows)
    if len(verhalen) and "datum" in verhalen.columns:
        verhalen["datum"] = pd.to_datetime(verhalen["datum"])
    if clienten is not None and len(verhalen):
        lookup = dict(zip(clienten["pseudoniem"], clienten["client_id"], strict=True))
        verhalen["client_id"] = pd.array([lookup.get(p) for p in verhalen["pseudoniem"]],
                                         dtype="Int64")
    coderingen = pd.DataFrame(coding_rows, columns=[
        *[c for c in CODING_COLUMNS if c != "codering_id"], "bron_guid", "bron_start", "bron_eind",
        "buiten_tekst"])
    coderingen.insert(0, "codering_id", range(1, len(coderingen) + 1))
    return QdpxProject(verhalen, cb, coderingen, cases)


def _check_project(root: etree._Element, bron: str) -> None:
    """The root is a REFI-QDA project (``<Project>`` in the project namespace)."""
    if etree.QName(root).namespace != NS_PROJECT or _local(root) != "Project":
        raise UserInputError(Problem(
            bron, None, None,
            f"een REFI-QDA-project: hoofdelement <Project> in namespace {NS_PROJECT}",
            f"<{_local(root)}> in namespace {etree.QName(root).namespace or '(geen)'}"))


def _position(selection: etree._Element, attribute: str, source: etree._Element, member: str,
              bron: str) -> int:
    """A PlainTextSelection position: a whole number >= 0 (Unicode code points)."""
    value = selection.get(attribute)
    if value is None or not value.strip().isdigit():
        raise UserInputError(Problem(
            f"{bron}/{member}", selection.sourceline,
            f"{attribute} (bron '{source.get('name')}')",
            "een heel getal >= 0 (positie in tekens)", value))
    return int(value)


def _read_values(element: etree._Element, variables: dict[str, tuple[str, str]]) -> dict:
    out = {}
    for vv in _children(element, "VariableValue"):
        ref = _child(vv, "VariableRef")
        if ref is None:
            continue
        name, _ = variables.get(normalise_guid(ref.get("targetGUID")), (None, None))
        value_node = next((c for c in vv if isinstance(c.tag, str) and _local(c).endswith(
            "Value")), None)
        if name is None or value_node is None or value_node.text is None:
            continue
        kind = _local(value_node)
        text = value_node.text
        out[name] = (
            int(text) if kind == "IntegerValue" else
            float(text) if kind == "FloatValue" else
            text.strip().lower() in ("true", "1") if kind == "BooleanValue" else
            pd.Timestamp(text) if kind in ("DateValue", "DateTimeValue") else text
        )
    return out


def codings_equal(a: pd.DataFrame, b: pd.DataFrame,
                  columns: Iterable[str] = ("verhaal_id", "code_id", "start", "eind", "codeur")
                  ) -> bool:
    """Same set of codings, ignoring order and codering_id."""
    cols = list(columns)

    def canon(frame: pd.DataFrame) -> list[tuple]:
        return sorted(tuple(str(v) for v in row) for row in frame[cols].itertuples(index=False))

    return canon(a) == canon(b)


# -- linking an imported project to the stored stories ------------------------------------
MANIEREN = {
    "guid": "op GUID (door impact geëxporteerd)",
    "tekst": "op tekst",
    "witruimte": "op tekst, na gelijktrekken van witruimte",
    "publicatie": "op de gepubliceerde (gepseudonimiseerde) tekst",
}


@dataclass
class Koppeling:
    """An imported project linked to the stored stories.

    ``codes``: the project's codebook as a ``codes`` table (code_id and parent_id are the
    project's keys). ``coderingen``: verhaal_id of the stored story, code_id (project key),
    start/eind as offsets into the stored ``tekst``, codeur, datum. ``bronnen``: one row per
    source (bron, bron_guid, verhaal_id or missing, manier, reden). ``overgeslagen``: codings
    not taken over, with the reason in Dutch.
    """

    codes: pd.DataFrame
    coderingen: pd.DataFrame
    bronnen: pd.DataFrame
    overgeslagen: pd.DataFrame
    codeurs: list[str]


def _compact(text: str) -> str:
    return " ".join(text.split())


def _whitespace_map(source: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """For two texts equal after whitespace normalisation: per position in ``source`` the
    position in ``target`` for a segment start (the next non-space character) and for a
    segment end (just after the previous non-space character)."""
    src = [i for i, ch in enumerate(source) if not ch.isspace()]
    tgt = [i for i, ch in enumerate(target) if not ch.isspace()]
    starts = np.full(len(source) + 1, len(target), dtype=int)
    ends = np.zeros(len(source) + 1, dtype=int)
    for i, j in zip(src, tgt, strict=True):
        starts[i] = j
        ends[i + 1] = j + 1
    for p in range(len(source) - 1, -1, -1):  # a start in whitespace moves to the next word
        if source[p].isspace():
            starts[p] = starts[p + 1]
    for p in range(1, len(source) + 1):  # an end in whitespace moves back to the last word
        if p - 1 < len(source) and source[p - 1].isspace():
            ends[p] = ends[p - 1]
    return starts, ends


def _from_published(position: int, spans: Iterable, side: str) -> int:
    """Position in the published text -> position in the original ``tekst``; ``spans`` are
    the replaced spans of the original ([start, eind, nieuwe_lengte]). A position inside a
    replacement goes to the replaced span's start (side 'start') or end (side 'eind'), so a
    coded name covers the whole original name."""
    shift = 0
    for s, e, n in sorted([int(a), int(b), int(c)] for a, b, c in spans):
        published_start = s + shift
        if position <= published_start:
            break
        if position < published_start + n:
            return s if side == "start" else e
        shift += n - (e - s)
    return position - shift


def _text_index(verhalen: pd.DataFrame, column: str, normalise) -> dict[str, list]:
    index: dict[str, list] = {}
    if column not in verhalen.columns:
        return index
    for v, text in zip(verhalen["verhaal_id"], verhalen[column], strict=True):
        if not _missing(text) and str(text).strip():
            index.setdefault(normalise(str(text)), []).append(v)
    return index


def koppel_aan_verhalen(project: QdpxProject, verhalen: pd.DataFrame) -> Koppeling:
    """Link each source of ``project`` to one stored story and move its codings' offsets into
    the story's ``tekst``.

    A source is matched, in this order: by its GUID when this library exported it (the GUID
    of ``verhaal_id``); by its text, exactly; by its text after whitespace normalisation
    (line endings, double spaces); by the story's published (pseudonymised) text, exactly or
    after whitespace normalisation. A text shared by two stories matches neither. Codings
    whose offsets fall outside the source's text, whose code is not in the codebook, that
    cover only whitespace, or whose code is a category (``isCodable="false"``) are skipped.
    """
    stored = verhalen.drop_duplicates("verhaal_id").set_index("verhaal_id", drop=False)
    by_guid = {guid("story", v): v for v in stored.index}
    exact = _text_index(verhalen, "tekst", str)
    loose = _text_index(verhalen, "tekst", _compact)
    pub_exact = _text_index(verhalen, "tekst_publicatie", str)
    pub_loose = _text_index(verhalen, "tekst_publicatie", _compact)

    cods = project.coderingen
    bronnen, rows, skipped = [], [], []
    for story in project.verhalen.to_dict("records"):
        text = "" if _missing(story.get("tekst")) else str(story["tekst"])
        name = story.get("titel") or story["bron_guid"]
        match, how, reason, mapper = None, None, None, None
        candidates = [([by_guid[story["bron_guid"]]], "guid")] \
            if story["bron_guid"] in by_guid else []
        candidates += [(exact.get(text, []), "tekst"), (loose.get(_compact(text), []), "witruimte"),
                       (pub_exact.get(text, []), "publicatie"),
                       (pub_loose.get(_compact(text), []), "publicatie")]
        for found, kind in candidates:
            if len(found) > 1:
                reason = (f"{len(found)} verhalen hebben deze tekst (verhaal "
                          f"{', '.join(str(v) for v in found[:5])}); niet te kiezen")
                break
            if found:
                mapper = _offset_mapper(text, stored.loc[found[0]])
                if mapper is not None:
                    match, how = found[0], kind
                    break
        else:
            reason = "geen verhaal met deze tekst in de database"
        mine = cods[cods["bron_guid"] == story["bron_guid"]]
        target = str(stored.at[match, "tekst"]) if match is not None else ""
        bronnen.append({"bron": name, "bron_guid": story["bron_guid"], "verhaal_id": match,
                        "manier": MANIEREN.get(how, ""), "reden": reason or "",
                        "n_coderingen": len(mine)})
        for seg in mine.to_dict("records"):
            code = project.codeboek[seg["code_id"]] if seg["code_id"] in project.codeboek else None
            base = {"bron": name, "code": code.naam if code else str(seg["code_id"]),
                    "codeur": seg["codeur"], "start": seg["bron_start"],
                    "eind": seg["bron_eind"]}
            if match is None:
                continue
            if seg["buiten_tekst"]:
                skipped.append({**base, "reden": f"start {seg['bron_start']} en eind "
                                                 f"{seg['bron_eind']} vallen niet binnen de tekst "
                                                 f"(0 tot {len(text)} tekens)"})
                continue
            if code is None:
                skipped.append({**base, "reden": "de code staat niet in het codeboek van het "
                                                 "bestand"})
                continue
            if not code.codeerbaar:
                skipped.append({**base, "reden": "de code is een categorie (niet codeerbaar)"})
                continue
            start, end = mapper(int(seg["start"]), int(seg["eind"]))
            if not 0 <= start < end <= len(target):
                skipped.append({**base, "reden": "het fragment bevat alleen witruimte of een "
                                                 "vervangen naam"})
                continue
            rows.append({"verhaal_id": match, "code_id": code.code_id, "start": start,
                         "eind": end, "codeur": seg["codeur"], "datum": seg["datum"]})
    coderingen = pd.DataFrame(rows, columns=[c for c in CODING_COLUMNS if c != "codering_id"])
    coderingen = coderingen.drop_duplicates(["verhaal_id", "code_id", "start", "eind", "codeur"])
    return Koppeling(
        codes=project.codeboek.to_frame(),
        coderingen=coderingen.reset_index(drop=True),
        bronnen=pd.DataFrame(bronnen, columns=["bron", "bron_guid", "verhaal_id", "manier",
                                               "reden", "n_coderingen"]),
        overgeslagen=pd.DataFrame(skipped, columns=["bron", "code", "codeur", "start", "eind",
                                                    "reden"]),
        codeurs=sorted({str(c) for c in coderingen["codeur"]}),
    )


def _offset_mapper(text: str, story: pd.Series):
    """A function (start, end) in ``text`` -> (start, end) in the story's ``tekst``, or None
    when ``text`` is neither the story's text nor its published text (whitespace aside)."""
    original = str(story["tekst"])
    if text == original:
        return lambda s, e: (s, e)
    if _compact(text) == _compact(original):
        starts, ends = _whitespace_map(text, original)
        return lambda s, e: (int(starts[s]), int(ends[e]))
    published = story.get("tekst_publicatie")
    if _missing(published):
        return None
    published = str(published)
    spans = story.get("vervangingen_publicatie")
    spans = spans if isinstance(spans, list) else []
    if text == published:
        return lambda s, e: (_from_published(s, spans, "start"),
                             _from_published(e, spans, "eind"))
    if _compact(text) == _compact(published):
        starts, ends = _whitespace_map(text, published)
        return lambda s, e: (_from_published(int(starts[s]), spans, "start"),
                             _from_published(int(ends[e]), spans, "eind"))
    return None
