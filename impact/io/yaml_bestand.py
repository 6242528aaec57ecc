"""The one YAML reader: safe tags only, limits on size, aliases and nesting, Dutch errors.

A file is decoded like every text file (:mod:`impact.io.encoding`), then composed by the
safe loader while counting: more than ``MAX_ALIASES`` aliases, nesting deeper than
``MAX_DEPTH`` or a document that would expand to more than ``MAX_NODES`` values is refused at
once, so an alias bomb ("billion laughs") takes milliseconds, not all memory. Every error is
``bestand:regel:sleutel`` with what was expected, in Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from impact.errors import Problem, UserInputError
from impact.io.encoding import read_text

MAX_BYTES = 2_000_000
MAX_ALIASES = 100
MAX_DEPTH = 40
MAX_NODES = 200_000

Path_ = tuple[Any, ...]

_MESSAGES = (
    ("could not determine a constructor for the tag", "geen YAML-tags (zoals !!python/...); alleen gewone waarden"),
    ("found character '\\t' that cannot start any token", "spaties om in te springen, geen tab"),
    ("mapping values are not allowed here", "een 'sleutel: waarde'-regel (staat er een ':' te veel?)"),
    ("could not find expected ':'", "een ':' na de sleutel"),
    ("found undefined alias", "een anker (&naam) vóór elke verwijzing (*naam)"),
    ("found duplicate anchor", "elk anker (&naam) één keer"),
    ("expected <block end>, but found", "gelijke inspringing voor sleutels op hetzelfde niveau"),
    ("found unexpected end of stream", "een afsluitend aanhalingsteken"),
    ("while scanning a quoted scalar", "een afsluitend aanhalingsteken"),
    ("did not find expected key", "een sleutel op deze plek (klopt de inspringing?)"),
    ("did not find expected '-' indicator", "een '-' voor elk element van de lijst"),
    ("expected a single document", "één document (geen tweede '---')"),
    ("while parsing a flow sequence", "een afsluitende ']' bij de lijst"),
    ("while parsing a flow mapping", "een afsluitende '}'"),
)


@dataclass
class YamlDocument:
    """A YAML mapping as read, with the line of every path in it (key paths and list items)."""

    document: Any
    regels: dict[Path_, int] = field(default_factory=dict)
    bestand: str = "yaml"


class _LimitedLoader(yaml.SafeLoader):
    """The safe loader, counting aliases and depth while composing."""

    def __init__(self, stream: str, file: str):
        super().__init__(stream)
        self.file = file
        self.aliases = 0
        self.depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001 - PyYAML's signature
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise UserInputError(
                    Problem(self.file, mark.line + 1, None, f"hoogstens {MAX_ALIASES} verwijzingen (*naam)")
                )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise UserInputError(Problem(self.file, mark.line + 1, None, f"hoogstens {MAX_DEPTH} niveaus diep"))
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _check_expansion(node: yaml.Node, file: str) -> None:
    """Refuse a document whose aliases would expand to more than MAX_NODES values."""
    sizes: dict[int, int] = {}

    def size(n: yaml.Node) -> int:
        key = id(n)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # guards against a recursive structure
        if isinstance(n, yaml.MappingNode):
            total = 1 + sum(size(k) + size(v) for k, v in n.value)
        elif isinstance(n, yaml.SequenceNode):
            total = 1 + sum(size(v) for v in n.value)
        else:
            total = 1
        sizes[key] = min(total, MAX_NODES + 1)
        return sizes[key]

    if size(node) > MAX_NODES:
        raise UserInputError(
            Problem(file, None, None, f"een YAML-bestand van hoogstens {MAX_NODES} waarden (na verwijzingen)")
        )


def _dutch(error: yaml.YAMLError, file: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    text = " ".join(str(getattr(error, a, "") or "") for a in ("context", "problem"))
    for english, dutch in _MESSAGES:
        if english in text:
            return Problem(file, line, None, dutch)
    return Problem(file, line, None, "geldige YAML")


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse YAML text within the limits; the document and the line of every path."""
    try:  # the reader refuses control characters already while it is made
        loader = _LimitedLoader(text, file)
    except yaml.reader.ReaderError as error:
        raise UserInputError(
            Problem(file, None, None, "leesbare tekst (geen stuurtekens)", f"teken {error.character!r}")
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {}, file)
        _check_expansion(node, file)
        document = loader.construct_document(node)
    except yaml.YAMLError as error:
        raise UserInputError(_dutch(error, file)) from None
    except (ValueError, OverflowError):  # e.g. the timestamp constructor on 2024-13-45
        raise UserInputError(
            Problem(file, None, None, "geldige datums (jjjj-mm-dd, maand 1-12, een bestaande dag)")
        ) from None
    except RecursionError:
        raise UserInputError(Problem(file, None, None, f"hoogstens {MAX_DEPTH} niveaus diep")) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _walk(node, (), lines, set(), problems, file)
    if problems:
        raise UserInputError(problems)
    return YamlDocument(document, lines, file)


def read_yaml(path: str | Path) -> YamlDocument:
    """Read a YAML file by the rules above."""
    path = Path(path)
    return parse_yaml(read_text(path, max_bytes=MAX_BYTES), str(path))


def read_yaml_mapping(path: str | Path, expected: str) -> YamlDocument:
    """Read a YAML file that must hold a mapping (``sleutel: waarde`` at the top)."""
    gelezen = read_yaml(path)
    if not isinstance(gelezen.document, dict):
        raise UserInputError(Problem(gelezen.bestand, 1, None, expected, _kind(gelezen.document)))
    return gelezen


def _kind(value: object) -> str:
    if value is None:
        return "een leeg bestand"
    if isinstance(value, list):
        return "een lijst"
    return "één losse waarde"


def _walk(
    node: yaml.Node, path: Path_, lines: dict[Path_, int], seen: set[int], problems: list[Problem], file: str
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:  # an alias: its lines are those of the anchor, walked once
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in keys:
                problems.append(Problem(file, line, ".".join(map(str, path + (key,))),
                                        f"elke sleutel één keer (ook op regel {keys[key]})"))  # fmt: skip
            keys.setdefault(key, line)
            lines[path + (key,)] = line
            _walk(value_node, path + (key,), lines, seen, problems, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, seen, problems, file)
