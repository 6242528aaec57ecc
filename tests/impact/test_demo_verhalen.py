"""Demo stories read like the field: many registers, no repeated sentences, stances that
agree with the figures; plus the coded subset, self-scores and vroegsignalering events."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest

from impact.demo import DemoWorld, generate
from impact.demo.teksten import load_codebook
from impact.demo.vroegsignalering import SIGNAALSOORTEN, SOORTEN

N = 2000
_BOUNDARY = re.compile(r'(?<=[.?!"])\s+(?=[A-Z"\'])')
_ABBREVIATIONS = ("mw.", "dhr.", "geb.", "Tel.", "tel.")


def sentences(text: str) -> list[str]:
    """Split a story into sentences (not after mw., dhr., geb., Tel.)."""
    out: list[str] = []
    for piece in _BOUNDARY.split(text):
        if out and out[-1].endswith(_ABBREVIATIONS):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return generate(seed=2026, n_clients=N)


def test_no_long_sentence_is_common_or_repeated_for_one_client(world: DemoWorld) -> None:
    v = world.verhalen
    per_story: Counter[str] = Counter()
    for client_id, texts in v.groupby(v["client_id"].fillna(-1))["tekst"]:
        own: Counter[str] = Counter()
        for text in texts:
            for s in {s for s in sentences(text) if len(s.split()) > 6}:
                per_story[s] += 1
                own[s] += 1
        if client_id != -1:
            assert max(own.values(), default=1) == 1, (client_id, own.most_common(1))
    sentence, count = per_story.most_common(1)[0]
    assert count <= 0.02 * len(v), (sentence, count)


def test_registers_and_lengths_vary(world: DemoWorld) -> None:
    reg = world.registers.merge(world.verhalen, on="verhaal_id")
    assert set(reg["register"]) >= {
        "intake", "voortgangsrapportage", "telefoonnotitie", "keerpunt", "terugval", "evaluatie",
        "eigen_woorden", "naaste", "interview", "msc", "wijkverhaal"}
    words = reg["tekst"].str.split().str.len()
    assert words.min() < 30 and words.max() > 80
    by_register = words.groupby(reg["register"]).median()
    assert by_register["telefoonnotitie"] < by_register["intake"]
    student = reg[reg["register"] == "interview"]
    assert (student["auteur_rol"] == "student").all() and (student["soort"] == "clientverhaal").all()
    own = reg.loc[reg["register"] == "eigen_woorden", "tekst"]
    assert own.str.contains(r"\b[Ii]ch\b").mean() > 0.05  # some Limburgish
    assert own.str.contains(r"\b[Ii]k\b").mean() > 0.5  # mostly spoken Dutch


def _delta_at(world: DemoWorld) -> pd.DataFrame:
    """Per (verhaal, domein) of each zrm-grounded stance: intake score and the last
    professional ZRM score on or before the story's date."""
    m = world.metingen
    m = m[(m["instrument"] == "ZRM") & (m["bron"] == "professional")]
    b = world.bedoelingen[world.bedoelingen["grond"] == "zrm"].merge(
        world.verhalen[["verhaal_id", "client_id", "datum"]], on="verhaal_id")
    b = b.astype({"client_id": "int64"})
    joined = b.merge(m, on=["client_id", "domein"], suffixes=("", "_m"))
    first = joined.sort_values("datum_m").groupby(["verhaal_id", "domein"])["score"].first()
    upto = joined[joined["datum_m"] <= joined["datum"]].sort_values("datum_m")
    last = upto.groupby(["verhaal_id", "domein"])["score"].last()
    out = b.set_index(["verhaal_id", "domein"])
    return out.assign(a=first, b=last)


def test_stance_agrees_with_the_figures(world: DemoWorld) -> None:
    d = _delta_at(world)
    assert len(d) > 1000
    change = d["b"] - d["a"]
    assert (change[d["richting"] == "vooruitgang"] > 0).all()
    assert (change[d["richting"] == "terugval"] < 0).all()
    assert (change[d["richting"] == "gelijk"] == 0).all()
    # a domain where the client improved reliably (two ZRM points) reads as progress
    assert (d.loc[change >= 2, "richting"] == "vooruitgang").all()
    assert set(world.bedoelingen["richting"]) == {"vooruitgang", "gelijk", "terugval", "probleem"}
    assert not world.bedoelingen.duplicated(["verhaal_id", "start"]).any()
    per = world.bedoelingen.groupby(["verhaal_id", "domein"])["richting"].nunique()
    assert (per == 1).all()


def test_stance_sentences_use_the_words_of_their_direction(world: DemoWorld) -> None:
    texts = dict(zip(world.verhalen["verhaal_id"], world.verhalen["tekst"], strict=True))
    b = world.bedoelingen
    span = [texts[v][s:e] for v, s, e in zip(b["verhaal_id"], b["start"], b["eind"], strict=True)]
    b = b.assign(zin=span)
    setback = r"achteruit|slechter|gedaald|gezakt|misgegaan|\bzorgen\b"
    progress = r"\bbeter\b|vooruitgang|gestegen|gelukt"
    assert not b.loc[b["richting"] == "vooruitgang", "zin"].str.contains(setback).any()
    assert not b.loc[b["richting"] == "terugval", "zin"].str.contains(progress).any()
    kp = b[(b["grond"] == "gebeurtenis") & (b["richting"] == "vooruitgang")]
    events = world.gebeurtenissen
    kp = kp.merge(world.verhalen[["verhaal_id", "client_id"]], on="verhaal_id")
    kinds = events.groupby("client_id")["soort"].agg(set)
    assert kp["client_id"].astype(int).map(kinds).map(
        lambda s: bool(s & {"schuldregeling_gestart", "werk_gevonden", "opleiding_gestart"})).all()


def test_planted_identifiers_and_mixed_consent(world: DemoWorld) -> None:
    v = world.verhalen
    assert (v["toestemming"] == "intern").mean() > 0.3
    assert v["toestemming"].nunique() == 3
    known = set(world.identiteiten["waarde"])
    for text in v.loc[v["client_id"].notna(), "tekst"].head(3000):
        for bsn in re.findall(r"(?<![\d-])\d{9}(?!\d)", text):
            assert bsn in known
        for mail in re.findall(r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+", text):
            assert mail in known


def test_coded_subset_with_two_coders(world: DemoWorld) -> None:
    codes, cod = world.codes, world.coderingen
    book = load_codebook()
    assert set(codes["code_id"]) >= {c["code_id"] for c in book["codes"]}
    assert set(cod["code_id"]) <= set(codes["code_id"])
    assert set(cod["codeur"]) == {"codeur A", "codeur B"}
    client_stories = world.verhalen["client_id"].notna().sum()
    share = cod["verhaal_id"].nunique() / client_stories
    assert 0.06 < share < 0.14
    texts = world.verhalen.set_index("verhaal_id")["tekst"]
    lengths = texts.loc[cod["verhaal_id"]].str.len().to_numpy()
    assert (cod["start"] >= 0).all() and (cod["start"] < cod["eind"]).all()
    assert (cod["eind"].to_numpy() <= lengths).all()
    a = cod[cod["codeur"] == "codeur A"]
    b = cod[cod["codeur"] == "codeur B"]
    key = ["verhaal_id", "code_id", "start", "eind"]
    same = a.merge(b, on=key).shape[0]
    assert 0.6 < same / len(a) < 0.9  # most segments shared, not all
    same_code_other_span = a.merge(b, on=["verhaal_id", "code_id"]).query(
        "start_x != start_y or eind_x != eind_y")
    assert len(same_code_other_span) > 10
    assert (cod["datum"] > world.verhalen.set_index("verhaal_id").loc[
        cod["verhaal_id"], "datum"].to_numpy()).all()


def test_positieve_gezondheid_self_scores(world: DemoWorld) -> None:
    m = world.metingen
    pg = m[m["instrument"] == "PG"]
    assert (pg["bron"] == "client").all()
    assert set(pg["domein"]) == {"lichaamsfuncties", "mentaal_welbevinden", "zingeving",
                                 "kwaliteit_van_leven", "meedoen", "dagelijks_functioneren"}
    assert pg["score"].between(0, 10).all() and (pg["score"] == pg["score"].round()).all()
    share = pg["client_id"].nunique() / N
    assert 0.35 < share < 0.45
    dates = pg.groupby("client_id")["datum"].nunique()
    assert (dates <= 2).all() and (dates == 2).mean() > 0.7
    # related to the ZRM course: PG change follows the ZRM change
    zrm = m[(m["instrument"] == "ZRM") & (m["bron"] == "professional")]

    def change(frame: pd.DataFrame) -> pd.Series:
        per = frame.groupby(["client_id", "datum"])["score"].mean().reset_index()
        g = per.sort_values("datum").groupby("client_id")["score"]
        return g.last() - g.first()

    both = pd.concat([change(pg), change(zrm)], axis=1, join="inner").dropna()
    assert both.corr().iloc[0, 1] > 0.3


def test_client_and_professional_zrm_disagree_by_domain(world: DemoWorld) -> None:
    m = world.metingen[world.metingen["instrument"] == "ZRM"]
    wide = m.pivot_table(index=["client_id", "domein", "datum"], columns="bron",
                         values="score").dropna()
    assert wide.index.get_level_values("client_id").nunique() > 0.2 * N
    agree = (wide["client"] == wide["professional"]).groupby("domein").mean()
    assert agree["huisvesting"] > 0.7 and agree["justitie"] > 0.7
    assert agree["geestelijke_gezondheid"] < 0.6 and agree["middelengebruik"] < 0.6
    assert agree.max() - agree.min() > 0.2


def test_vroegsignalering_funnel(world: DemoWorld) -> None:
    ev = world.gebeurtenissen
    assert ev.equals(ev.sort_values(["client_id", "datum"], kind="stable").reset_index(drop=True))
    vs = ev[ev["soort"].isin(SOORTEN)].copy()
    signals = vs[vs["soort"].isin(SIGNAALSOORTEN)]
    counts = vs["soort"].value_counts()
    assert counts[list(SIGNAALSOORTEN)].sum() > counts["contact_gelegd"] > counts[
        "hulp_geaccepteerd"] > counts["achterstand_opgelost"] > 0
    # every step follows a signal of the same client; first contact days later
    vs["signaal"] = vs["datum"].where(vs["soort"].isin(SIGNAALSOORTEN))
    vs["signaal"] = vs.groupby("client_id")["signaal"].ffill()
    assert vs["signaal"].notna().all()
    contact = vs[vs["soort"] == "contact_gelegd"]
    days = (contact["datum"] - contact["signaal"]).dt.days
    assert days.min() >= 1 and 2 <= days.median() <= 14
    # all clients of the Vroegsignalering intervention had a signal before their start
    tr = world.trajecten
    vroeg = tr[tr["interventie"] == "Vroegsignalering betalingsachterstanden"]
    first_signal = signals.groupby("client_id")["datum"].min()
    assert (first_signal.reindex(vroeg["client_id"]).to_numpy() <= vroeg["start"].to_numpy()).all()
    assert signals["client_id"].isin(vroeg["client_id"]).mean() < 0.8  # and some others
    # a funnel per gemeente and month can be computed
    g = signals.merge(world.clienten[["client_id", "gemeente"]], on="client_id")
    funnel = g.groupby(["gemeente", g["datum"].dt.to_period("M")]).size()
    assert funnel.index.get_level_values(0).nunique() == 4


def test_fast_and_deterministic() -> None:
    import time

    t = time.perf_counter()
    one = generate(seed=3, n_clients=N)
    assert time.perf_counter() - t < 8
    two = generate(seed=3, n_clients=N)
    for name in ("verhalen", "bedoelingen", "coderingen", "metingen", "gebeurtenissen"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name), obj=name)
    assert np.array_equal(one.registers["register"], two.registers["register"])
