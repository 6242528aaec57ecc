"""The page for citizens is B1: Flesch-Douma (Douma 1960: 206,84 - 0,93 x words per sentence
- 77 x syllables per word) with syllables from pyphen's Dutch hyphenation dictionary, short
sentences, one form of address, improvement next to the comparison group."""

from __future__ import annotations

import html
import re

import pyphen
import pytest

from impact.demo import generate
from rapporten import bouw
from verhalen.publicatie import publiceer


@pytest.fixture(scope="module")
def pagina(tmp_path_factory):
    wereld = generate(seed=2026, n_clients=600)
    publiceer(wereld)
    (pad,) = bouw("burger", wereld, tmp_path_factory.mktemp("burger") / "burger.html")
    return pad.read_text(encoding="utf-8")


def _zichtbaar(stuk: str) -> list[str]:
    stuk = re.sub(r"<(script|style)\b.*?</\1>", "", stuk, flags=re.S)
    return [r.strip() for r in html.unescape(re.sub(r"<[^>]+>", "\n", stuk)).split("\n") if r.strip()]


def _eigen_tekst(pagina: str) -> list[str]:
    """The page's own text: everything but the stories people wrote."""
    return _zichtbaar(re.sub(r'<article class="verhaal">.*?</article>', "", pagina, flags=re.S))


def flesch_douma(regels: list[str]) -> float:
    """Every visible line counts as at least one sentence (a heading is a short sentence)."""
    lettergrepen = pyphen.Pyphen(lang="nl_NL")
    zinnen = [z for r in regels for z in re.split(r"(?<=[.!?])\s+", r) if re.search(r"\w", z)]
    woorden = [w for z in zinnen for w in re.findall(r"[^\W\d_]+|\d+", z)]
    grepen = sum(len(lettergrepen.positions(w.lower())) + 1 for w in woorden)
    return 206.84 - 0.93 * len(woorden) / len(zinnen) - 77 * grepen / len(woorden)


def test_de_maat_zelf_klopt():
    """Short plain sentences score high, long officialese low (Douma's scale: 60-80 is B1)."""
    assert flesch_douma(["Ik ga naar huis. De kat is ziek."]) > 90
    assert flesch_douma(
        ["Overeenkomstig de toepasselijke beleidsregels wordt de aanvraag inzake maatschappelijke "
         "ondersteuning heroverwogen."]
    ) < 10


def test_flesch_douma_van_alle_zichtbare_tekst_is_minstens_70(pagina):
    alles = _zichtbaar(pagina[pagina.index("<body") :])
    assert flesch_douma(alles) >= 70


def test_geen_zin_langer_dan_20_woorden(pagina):
    zinnen = [z for regel in _eigen_tekst(pagina) for z in re.split(r"(?<=[.!?])\s+", regel)]
    assert zinnen
    lang = [z for z in zinnen if len(z.split()) > 20]
    assert not lang, lang


def test_een_aanspreekvorm(pagina):
    woorden = {w.lower() for regel in _eigen_tekst(pagina) for w in re.findall(r"\w+", regel)}
    assert "u" in woorden or "uw" in woorden
    assert not woorden & {"je", "jij", "jouw", "jullie"}


def test_verbetering_staat_naast_de_vergelijkingsgroep(pagina):
    tekst = " ".join(_eigen_tekst(pagina))
    hulp = re.search(r"Bij ongeveer (\d+) van de 10 mensen ging het beter", tekst)
    gewoon = re.search(r"met gewone zorg was dat (\d+) van de 10", tekst)
    assert hulp and gewoon


def test_geen_codes_of_vingerafdruk_voor_de_burger(pagina):
    tekst = " ".join(_zichtbaar(pagina))
    for woord in ("SHA-256", "msc_verhaal", "clientverhaal", "casusnotitie", "geanonimiseerd_publiceren", "seed"):
        assert woord not in tekst
