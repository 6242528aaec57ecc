"""The demo world: deterministic, follows the data contract, plausible and internally consistent."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
import yaml

from impact.demo import DemoWorld, generate
from impact.demo.personen import elfproef
from impact.demo.regio import load_region

N = 400

COLUMNS = {
    "organisaties": ["organisatie_id", "naam"],
    "clienten": ["client_id", "pseudoniem", "organisatie_id", "geboortejaar", "gemeente", "wijk",
                 "groep", "cohort"],
    "interventies": ["interventie_id", "naam", "databank_erkenning", "doelgroep", "omschrijving"],
    "trajecten": ["traject_id", "client_id", "interventie_id", "interventie", "start", "eind",
                  "uitstroomreden"],
    "metingen": ["client_id", "instrument", "domein", "datum", "score", "bron"],
    "gebeurtenissen": ["client_id", "datum", "soort", "omschrijving"],
    "verhalen": ["verhaal_id", "titel", "tekst", "soort", "datum", "auteur_rol", "client_id",
                 "gemeente", "wijk", "interventie_id", "toestemming"],
    "identiteiten": ["client_id", "soort", "waarde"],
}
DATE_COLUMNS = {"trajecten": ["start", "eind"], "metingen": ["datum"],
                "gebeurtenissen": ["datum"], "verhalen": ["datum"]}


@pytest.fixture(scope="module")
def world() -> DemoWorld:
    return generate(seed=7, n_clients=N)


def test_same_seed_gives_identical_frames(world: DemoWorld) -> None:
    again = generate(seed=7, n_clients=N)
    for name, frame in world.tabellen().items():
        pd.testing.assert_frame_equal(frame, again.tabellen()[name], obj=name)
    assert world.casussen == again.casussen


def test_other_seed_gives_other_world(world: DemoWorld) -> None:
    other = generate(seed=8, n_clients=N)
    assert not world.metingen["score"].equals(other.metingen["score"])


def test_column_contract(world: DemoWorld) -> None:
    for name, columns in COLUMNS.items():
        assert list(getattr(world, name).columns) == columns, name
    for name, columns in DATE_COLUMNS.items():
        for column in columns:
            dtype = getattr(world, name)[column].dtype
            assert dtype == np.dtype("datetime64[ns]"), (name, column, dtype)
            values = getattr(world, name)[column].dropna()
            assert (values == values.dt.normalize()).all(), (name, column)
    assert world.verhalen["client_id"].dtype == "Int64"
    assert world.verhalen["interventie_id"].dtype == "Int64"
    assert world.metingen["score"].dtype == np.float64


def test_ids_are_one_based_and_referenced(world: DemoWorld) -> None:
    ids = world.clienten["client_id"]
    assert ids.tolist() == list(range(1, N + 1))
    assert world.clienten["pseudoniem"].is_unique
    for name in ("trajecten", "metingen", "gebeurtenissen", "identiteiten"):
        assert getattr(world, name)["client_id"].isin(ids).all(), name
    assert world.verhalen["client_id"].dropna().isin(ids).all()
    assert set(world.trajecten["interventie_id"]) <= set(world.interventies["interventie_id"])
    assert set(world.clienten["organisatie_id"]) <= set(world.organisaties["organisatie_id"])


def test_region_is_the_four_municipalities_with_their_wijken(world: DemoWorld) -> None:
    region = load_region()
    assert set(world.clienten["gemeente"]) == {"Brunssum", "Weert", "Sittard-Geleen", "Roermond"}
    allowed = {
        (region.gemeenten[g], w)
        for w, g in zip(region.wijken, region.wijk_gemeente, strict=True)
    }
    pairs = set(zip(world.clienten["gemeente"], world.clienten["wijk"], strict=True))
    assert pairs <= allowed


def test_comparison_group_is_a_quarter_with_usual_care(world: DemoWorld) -> None:
    groep = world.clienten.set_index("client_id")["groep"]
    assert groep.isin(["interventie", "vergelijking"]).all()
    assert (groep == "vergelijking").mean() == pytest.approx(0.25, abs=0.01)
    tr = world.trajecten.set_index("client_id")
    comparison = groep[groep == "vergelijking"].index
    assert (tr.loc[comparison, "interventie"] == "Gebruikelijke zorg").all()
    treated = groep[groep == "interventie"].index
    assert (tr.loc[treated, "interventie"] != "Gebruikelijke zorg").all()


def test_scores_are_integers_within_the_zrm_scale(world: DemoWorld) -> None:
    zrm = yaml.safe_load(open("impact/instrumenten/zrm.yaml", encoding="utf-8"))
    codes = {d["code"] for d in zrm["domeinen"]}
    m = world.metingen
    assert (m["instrument"] == "ZRM").all()
    assert set(m["domein"]) == codes
    assert m["score"].between(zrm["schaal_min"], zrm["schaal_max"]).all()
    assert (m["score"] == m["score"].round()).all()
    assert not m.duplicated(["client_id", "domein", "datum"]).any()


def test_measurements_start_at_intake_and_about_every_six_months(world: DemoWorld) -> None:
    m = world.metingen.merge(world.trajecten[["client_id", "start"]], on="client_id")
    assert (m["datum"] >= m["start"]).all()
    first = m.groupby("client_id")["datum"].min()
    start = world.trajecten.set_index("client_id")["start"]
    assert (first == start.loc[first.index]).all()  # intake measurement on the start date
    intake = m[m["datum"] == m["start"]]
    assert intake.groupby("client_id").size().eq(13).all()  # intake is complete
    dates = m.drop_duplicates(["client_id", "datum"]).sort_values(["client_id", "datum"])
    gaps = dates.groupby("client_id")["datum"].diff().dropna().dt.days
    assert gaps.median() == pytest.approx(182, abs=25)
    assert dates.groupby("client_id").size().mean() > 2.5
    assert m["datum"].max() <= pd.Timestamp("2025-12-31")


def test_follow_up_after_the_traject_ends(world: DemoWorld) -> None:
    m = world.metingen.merge(world.trajecten[["client_id", "eind"]], on="client_id")
    after = m[m["datum"] > m["eind"] + pd.Timedelta(days=60)]
    assert after["client_id"].nunique() > 0.3 * N


def _change(world: DemoWorld) -> pd.DataFrame:
    m = world.metingen.sort_values(["client_id", "domein", "datum"])
    g = m.groupby(["client_id", "domein"])["score"]
    change = (g.last() - g.first()).rename("verandering").reset_index()
    return change.merge(world.clienten[["client_id", "groep"]], on="client_id")


def test_intervention_group_improves_more_than_comparison(world: DemoWorld) -> None:
    per_client = _change(world).groupby(["client_id", "groep"])["verandering"].mean().reset_index()
    means = per_client.groupby("groep")["verandering"].mean()
    assert means["interventie"] > means["vergelijking"]
    # realistic, not huge: a standardised difference between about 0.1 and 0.8
    d = (means["interventie"] - means["vergelijking"]) / per_client["verandering"].std()
    assert 0.1 < d < 0.8


def test_schuldregeling_is_followed_by_a_jump_on_financien(world: DemoWorld) -> None:
    ev = world.gebeurtenissen[world.gebeurtenissen["soort"] == "schuldregeling_gestart"]
    fin = world.metingen[world.metingen["domein"] == "financien"]
    jumps = []
    for row in ev.itertuples():
        own = fin[fin["client_id"] == row.client_id]
        before = own[own["datum"] <= row.datum]["score"]
        after = own[own["datum"] > row.datum]["score"]
        if len(before) and len(after):
            jumps.append(after.iloc[0] - before.iloc[-1])
    assert len(jumps) >= 10
    assert np.mean(jumps) >= 1.0


def test_events_are_known_kinds_and_within_the_period(world: DemoWorld) -> None:
    ev = world.gebeurtenissen
    assert ev["soort"].isin([
        "betalingsachterstand", "dreigende_uithuiszetting", "uithuiszetting", "werk_gevonden",
        "opname", "schuldregeling_gestart", "opleiding_gestart", "politiecontact",
        "melding_huiselijk_geweld", "terugval_middelengebruik",
    ]).all()
    assert ev["datum"].max() <= pd.Timestamp("2025-12-31")
    # an eviction is always preceded by a threat of eviction
    evicted = ev[ev["soort"] == "uithuiszetting"]
    threats = ev[ev["soort"] == "dreigende_uithuiszetting"]
    for row in evicted.itertuples():
        assert (threats[threats["client_id"] == row.client_id]["datum"] < row.datum).any()


def test_bsns_pass_the_elfproef(world: DemoWorld) -> None:
    bsn = world.identiteiten.loc[world.identiteiten["soort"] == "bsn", "waarde"]
    assert len(bsn) == N and bsn.is_unique
    assert all(elfproef(b) for b in bsn)
    assert not elfproef("123456789") and elfproef("111222333")


def test_identities_are_complete_and_in_the_right_municipality(world: DemoWorld) -> None:
    ids = world.identiteiten
    per = ids.groupby("soort")["client_id"].nunique()
    for soort in ("voornaam", "achternaam", "naam", "adres", "postcode", "woonplaats", "bsn",
                  "telefoon", "email", "geboortedatum"):
        assert per[soort] == N, soort
    assert set(ids["soort"]) <= {"voornaam", "achternaam", "naam", "naaste", "adres", "postcode",
                                 "woonplaats", "bsn", "telefoon", "email", "geboortedatum"}
    pc = ids[ids["soort"] == "postcode"].merge(world.clienten, on="client_id")
    ranges = {"Brunssum": (6440, 6446), "Weert": (6000, 6039), "Sittard-Geleen": (6120, 6167),
              "Roermond": (6040, 6071)}
    for row in pc.itertuples():
        assert re.fullmatch(r"\d{4} [A-Z]{2}", row.waarde)
        low, high = ranges[row.gemeente]
        assert low <= int(row.waarde[:4]) <= high, (row.gemeente, row.waarde)
    tel = ids.loc[ids["soort"] == "telefoon", "waarde"]
    phone = r"06-\d{8}|06 \d\d \d\d \d\d \d\d|\+31 6 \d{8}|06\d{8}|0\d{2,3}-\d{6,7}"
    assert tel.str.fullmatch(phone).all()
    assert ids.loc[ids["soort"] == "email", "waarde"].str.fullmatch(r"[a-z0-9._]+@[a-z.]+").all()
