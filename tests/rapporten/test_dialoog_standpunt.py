"""The dialogue starts from real divergences: stances from the stories' content, questions by
what diverges, numbers only from visible protected cells, no story or quote twice."""

from __future__ import annotations

import re

import pytest

from rapporten import gemeenschappelijk as gm
from rapporten import onthulling as ot
from rapporten.bron import Gegevens
from rapporten.model import Verhalen, Vragen

GETAL = re.compile(r"\d[\d.]*(?:,\d+)?%?")


@pytest.fixture(scope="module")
def dialoog(wereld):
    import rapporten

    ctx = gm.maak_context(Gegevens(wereld))
    return rapporten.rapportsoort("dialoog").maak(ctx), ctx


def _vragen(rapport) -> list[str]:
    return [b for b in rapport.blokken() if isinstance(b, Vragen)][0].vragen


def test_verschillende_sjablonen(dialoog):
    rapport, _ = dialoog
    namen = [n for n in gm.zrm_namen().values()]
    sjablonen = set()
    for v in _vragen(rapport):
        for n in namen:
            v = v.replace(n, "{th}")
        sjablonen.add(GETAL.sub("{n}", v))
    assert len(sjablonen) >= 2, sjablonen


def test_getallen_in_vragen_staan_zichtbaar_in_een_tabel(dialoog):
    rapport, ctx = dialoog
    zichtbaar = set()
    for tabel in rapport.tabellen():
        for i in tabel.waarden.index:
            for k in tabel.waarden.columns:
                if tabel.masker.at[i, k] == ot.ZICHTBAAR and tabel.soorten.get(k) != "tekst":
                    zichtbaar.add(tabel.tekst(i, k, ctx.opmaak))
    gevonden = [g for v in _vragen(rapport) for g in GETAL.findall(v)]
    assert gevonden  # the demo has at least one question with numbers
    for g in gevonden:
        assert g in zichtbaar, g


def test_geen_verhaal_of_citaat_twee_keer(dialoog):
    rapport, _ = dialoog
    verhalen = [v.tekst for b in rapport.blokken() if isinstance(b, Verhalen) for v in b.verhalen]
    assert verhalen and len(verhalen) == len(set(verhalen))
    citaten = [str(c) for t in rapport.tabellen() if t.titel.startswith("Joint display")
               for c in t.waarden["Voorbeeldcitaat"].dropna()]
    assert citaten and len(citaten) == len(set(citaten))
    for c in citaten:
        assert not any(c in v for v in verhalen), c


def test_vergelijking_per_thema_beschermd(dialoog):
    rapport, _ = dialoog
    tabellen = [t for t in rapport.tabellen() if t.titel.startswith("Cijfers en verhalen naast elkaar")]
    assert len(tabellen) == 4
    for t in tabellen:
        assert not ot.controleer(t.waarden, t.soorten)
