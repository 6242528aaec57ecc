"""The review page: per story, what was replaced by what, for a person to check.

Every piece of story text goes through Jinja2 autoescaping, so a story containing HTML or
``<script>`` is shown as text and never interpreted. The page contains the ORIGINAL text,
so it is as sensitive as the stories themselves: it says so at the top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from verhalen.pseudonimisering import PseudonymizedText

_TEMPLATE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ titel }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 80rem; }
.waarschuwing { background: #fff3cd; border: 1px solid #c9a227; padding: .75rem 1rem; }
section { border-top: 1px solid #ccc; margin-top: 2rem; padding-top: 1rem; }
.kolommen { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
.tekst { white-space: pre-wrap; line-height: 1.6; background: #fafafa; padding: .75rem; }
mark { background: #ffd6d6; padding: 0 .15rem; border-radius: 3px; }
ins { background: #d6f5d6; text-decoration: none; padding: 0 .15rem; border-radius: 3px; }
table { border-collapse: collapse; margin-top: 1rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
</style>
</head>
<body>
<h1>{{ titel }}</h1>
<p class="waarschuwing"><strong>Let op:</strong> deze pagina bevat de oorspronkelijke tekst
met namen en andere gegevens. Gebruik haar alleen om de pseudonimisering te controleren en
verwijder haar daarna; deel haar niet.</p>
<p>{{ items|length }} tekst(en), {{ totaal }} vervanging(en){% if per_soort %}:
{% for soort, n in per_soort %}{{ soort }} {{ n }}{% if not loop.last %}, {% endif %}{% endfor %}{% endif %}.
Controleer vooral wat <em>niet</em> gemarkeerd is.</p>
{% for item in items %}
<section>
<h2>{{ item.naam }}</h2>
<div class="kolommen">
<div><h3>Oorspronkelijk</h3><div class="tekst">{% for stuk in item.stukken %}{% if stuk.soort %}<mark title="{{ stuk.soort }} → {{ stuk.vervanging }}">{{ stuk.tekst }}</mark>{% else %}{{ stuk.tekst }}{% endif %}{% endfor %}</div></div>
<div><h3>Gepseudonimiseerd</h3><div class="tekst">{% for stuk in item.stukken %}{% if stuk.soort %}<ins title="{{ stuk.soort }}">{{ stuk.vervanging }}</ins>{% else %}{{ stuk.tekst }}{% endif %}{% endfor %}</div></div>
</div>
{% if item.vervangingen %}
<table>
<thead><tr><th>soort</th><th>oorspronkelijk</th><th>vervangen door</th><th>positie</th></tr></thead>
<tbody>
{% for r in item.vervangingen %}<tr><td>{{ r.kind }}</td><td>{{ r.original }}</td><td>{{ r.replacement }}</td><td>{{ r.start }}–{{ r.end }}</td></tr>
{% endfor %}</tbody>
</table>
{% else %}<p>Niets vervangen.</p>{% endif %}
</section>
{% endfor %}
</body>
</html>
"""

_ENV = Environment(autoescape=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class _Piece:
    tekst: str
    soort: str | None = None
    vervanging: str | None = None


def _pieces(result: PseudonymizedText) -> list[_Piece]:
    original, pieces, position = result.original, [], 0
    for r in sorted(result.replacements, key=lambda r: r.start):
        if r.start > position:
            pieces.append(_Piece(original[position : r.start]))
        pieces.append(_Piece(original[r.start : r.end], r.kind, r.replacement))
        position = r.end
    if position < len(original):
        pieces.append(_Piece(original[position:]))
    return pieces


def render_review(
    items: Iterable[tuple[str, PseudonymizedText]], titel: str = "Controle pseudonimisering"
) -> str:
    """HTML page showing, per named text, the original with marks and the pseudonymised text."""
    rows = []
    counts: Counter[str] = Counter()
    for name, result in items:
        counts.update(r.kind for r in result.replacements)
        rows.append({"naam": name, "stukken": _pieces(result), "vervangingen": list(result.replacements)})
    return _ENV.from_string(_TEMPLATE).render(
        titel=titel, items=rows, totaal=sum(counts.values()), per_soort=sorted(counts.items())
    )


def write_review(
    items: Iterable[tuple[str, PseudonymizedText]],
    path: str | Path,
    titel: str = "Controle pseudonimisering",
) -> Path:
    path = Path(path)
    path.write_text(render_review(items, titel), encoding="utf-8")
    return path
