"""The page for citizens is B1: measured with an independent implementation of Flesch-Douma
(textstat, Dutch), short sentences, one form of address, improvement next to the comparison."""

from __future__ import annotations

import html
import re

import pytest
import textstat

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


def test_flesch_douma_van_alle_zichtbare_tekst_is_minstens_70(pagina):
    textstat.set_lang("nl")
    alles = " ".join(_zichtbaar(pagina[pagina.index("<body") :]))
    assert textstat.flesch_reading_ease(alles) >= 70


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
