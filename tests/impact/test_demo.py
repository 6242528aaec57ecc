"""The demo world: deterministic, follows the data contract, plausible and internally consistent."""

from __future__ import annotations

import re
from pathlib import Path

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
    "interventies": ["interventie_id", "naam", "databank_erkenning", "databank", "doelgroep", "omschrijving"],
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
    zrm = yaml.safe_load((Path(__file__).resolve().parents[2] / "impact/instrumenten/zrm.yaml").open(encoding="utf-8"))
    codes = {d["code"] for d in zrm["domeinen"]}
    m = world.metingen
    assert set(m["instrument"]) == {"ZRM", "PG"}
    assert set(m.loc[m["instrument"] == "PG", "bron"]) == {"client"}
    m = m[(m["instrument"] == "ZRM") & (m["bron"] == "professional")]
    assert set(m["domein"]) == codes
    assert m["score"].between(zrm["schaal_min"], zrm["schaal_max"]).all()
    assert (m["score"] == m["score"].round()).all()
    assert not m.duplicated(["client_id", "domein", "datum"]).any()


def test_measurements_start_at_intake_and_about_every_six_months(world: DemoWorld) -> None:
    m = _professional_zrm(world).merge(world.trajecten[["client_id", "start"]], on="client_id")
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
    m = _professional_zrm(world).merge(world.trajecten[["client_id", "eind"]], on="client_id")
    after = m[m["datum"] > m["eind"] + pd.Timedelta(days=60)]
    assert after["client_id"].nunique() > 0.3 * N


def _professional_zrm(world: DemoWorld) -> pd.DataFrame:
    m = world.metingen
    return m[(m["instrument"] == "ZRM") & (m["bron"] == "professional")]


def _change(world: DemoWorld) -> pd.DataFrame:
    m = _professional_zrm(world).sort_values(["client_id", "domein", "datum"])
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
    fin = _professional_zrm(world).query("domein == 'financien'")
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
    from impact.demo.vroegsignalering import SOORTEN

    ev = world.gebeurtenissen
    assert ev["soort"].isin([
        "betalingsachterstand", "dreigende_uithuiszetting", "uithuiszetting", "werk_gevonden",
        "opname", "schuldregeling_gestart", "opleiding_gestart", "politiecontact",
        "melding_huiselijk_geweld", "terugval_middelengebruik", *SOORTEN,
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


# ---------------------------------------------------------------- stories

ID_PATTERNS = {
    "bsn": r"(?<![\d-])\d{9}(?!\d)",
    "email": r"[a-z0-9._]+@[a-z0-9.]+\.[a-z]+",
    "telefoon": r"\+31 6 \d{8}|06-\d{8}|06 \d\d \d\d \d\d \d\d|(?<!\d)06\d{8}|0\d{2,3}-\d{6,7}",
    "postcode": r"\b\d{4} [A-Z]{2}\b",
    "geboortedatum": r"\b\d\d-\d\d-\d{4}\b",
}


def _client_stories(world: DemoWorld) -> pd.DataFrame:
    v = world.verhalen
    return v[v["client_id"].notna()].astype({"client_id": "int64"})


def test_story_values_and_consent_are_mixed(world: DemoWorld) -> None:
    v = world.verhalen
    assert v["verhaal_id"].tolist() == list(range(1, len(v) + 1))
    assert set(v["soort"]) == {"casusnotitie", "clientverhaal", "msc_verhaal", "wijkverhaal"}
    assert set(v["auteur_rol"]) <= {"professional", "client", "naaste", "student", "burger"}
    assert set(v["toestemming"]) == {"intern", "geanonimiseerd_publiceren", "publiceren_met_bron"}
    assert (v["tekst"].str.len() > 40).all()
    per_client = _client_stories(world).groupby("client_id").size().reindex(
        world.clienten["client_id"], fill_value=0
    )
    assert 1.0 <= per_client.mean() <= 3.0
    assert v["datum"].max() <= pd.Timestamp("2025-12-31")


def test_client_stories_are_dated_within_the_clients_own_period(world: DemoWorld) -> None:
    s = _client_stories(world).merge(world.trajecten[["client_id", "start"]], on="client_id")
    assert (s["datum"] >= s["start"]).all()
    assert (s[["gemeente", "wijk"]].values == world.clienten.set_index("client_id").loc[
        s["client_id"], ["gemeente", "wijk"]].values).all()


def test_texts_are_not_clones(world: DemoWorld) -> None:
    notes = world.verhalen[world.verhalen["soort"] == "casusnotitie"]["tekst"]
    assert notes.nunique() > 0.97 * len(notes)
    # without the personal details the texts still vary: many different first sentences
    skeleton = notes.str.split(".").str[1]
    assert skeleton.nunique() > 20


def test_every_planted_identifier_is_in_identiteiten(world: DemoWorld) -> None:
    known = set(zip(world.identiteiten["client_id"], world.identiteiten["soort"],
                    world.identiteiten["waarde"], strict=True))
    found = dict.fromkeys(ID_PATTERNS, 0)
    for row in _client_stories(world).itertuples():
        for soort, pattern in ID_PATTERNS.items():
            for match in re.findall(pattern, row.tekst):
                assert (row.client_id, soort, match) in known, (row.verhaal_id, soort, match)
                found[soort] += 1
    assert all(count > 5 for count in found.values()), found
    bsns = [m for t in world.verhalen["tekst"] for m in re.findall(ID_PATTERNS["bsn"], t)]
    assert bsns and all(elfproef(b) for b in bsns)


def test_names_addresses_and_relatives_in_stories_are_the_clients_own(world: DemoWorld) -> None:
    ids = world.identiteiten
    own = {(c, s): set(g["waarde"]) for (c, s), g in ids.groupby(["client_id", "soort"])}
    stories = _client_stories(world)
    intake = stories.sort_values("datum").groupby("client_id").first()
    for client_id, row in intake.iterrows():
        assert next(iter(own[(client_id, "naam")])) in row["tekst"]
    counts = {"adres": 0, "naaste": 0}
    for row in stories.itertuples():
        surnames = own[(row.client_id, "achternaam")]
        for match in re.finditer(r"\b(?:mevrouw|meneer) ", row.tekst):
            rest = row.tekst[match.end():]
            assert any(rest.startswith(a) for a in surnames), (row.verhaal_id, rest[:30])
        for soort in counts:
            counts[soort] += any(v in row.tekst for v in own.get((row.client_id, soort), ()))
    assert counts["adres"] > 20 and counts["naaste"] > 20, counts
    all_names = set(ids.loc[ids["soort"] == "naam", "waarde"])
    for text in world.verhalen.loc[world.verhalen["soort"] == "wijkverhaal", "tekst"]:
        for pattern in ID_PATTERNS.values():
            assert not re.search(pattern, text)
        assert not any(name in text for name in all_names)


def test_wijkverhalen_per_wijk_per_year_quote_the_wijk_figures(world: DemoWorld) -> None:
    w = world.verhalen[world.verhalen["soort"] == "wijkverhaal"]
    assert w["client_id"].isna().all() and w["interventie_id"].isna().all()
    assert not w.assign(jaar=w["datum"].dt.year).duplicated(["gemeente", "wijk", "jaar"]).any()
    starts = world.trajecten.merge(world.clienten, on="client_id")
    starts["jaar"] = starts["start"].dt.year
    counts = starts.groupby(["gemeente", "wijk", "jaar"]).size()
    for row in w.itertuples():
        k = counts[(row.gemeente, row.wijk, row.datum.year)]
        if k < 5:  # small counts are never stated, as in the reports
            assert "minder dan vijf" in row.tekst and not re.search(rf"\b{k}\b", row.tekst)
        else:
            assert re.search(rf"\b{k}\b", row.tekst), (row.wijk, k, row.tekst)


def test_intake_note_names_the_lowest_zrm_domain(world: DemoWorld) -> None:
    from impact.demo.teksten import DOMAIN_TEXT
    from impact.demo.verloop import DOMAINS

    names = dict(zip(DOMAINS, DOMAIN_TEXT, strict=True))
    m = _professional_zrm(world).merge(world.trajecten[["client_id", "start"]], on="client_id")
    intake = m[m["datum"] == m["start"]].pivot(index="client_id", columns="domein",
                                                 values="score")[DOMAINS]
    lowest = intake.idxmin(axis=1)
    notes = _client_stories(world).sort_values("datum").groupby("client_id")["tekst"].first()
    for client_id, domain in lowest.items():
        assert names[domain] in notes[client_id], (client_id, domain)


def test_keerpunt_and_relapse_notes_are_dated_near_the_event(world: DemoWorld) -> None:
    ev = world.gebeurtenissen
    notes = _client_stories(world)
    notes = notes[notes["soort"] == "casusnotitie"]
    relevant = ev[ev["soort"].isin(["schuldregeling_gestart", "werk_gevonden", "opname",
                                    "uithuiszetting"])]
    assert len(relevant) > 10
    joined = relevant.merge(notes, on="client_id", suffixes=("_ev", "_note"))
    delta = (joined["datum_note"] - joined["datum_ev"]).dt.days
    joined = joined[delta.between(0, 14)]
    explained = set(zip(joined["client_id"], joined["datum_ev"], strict=True))
    assert explained == set(zip(relevant["client_id"], relevant["datum"], strict=True))
    # every debt-arrangement event has a note within two weeks that speaks of it (other notes
    # of that client in those weeks may be about other domains)
    schuld = joined[joined["soort_ev"] == "schuldregeling_gestart"]
    genoemd = schuld.assign(
        noemt=schuld["tekst"].str.contains("schuldregeling|schuldeisers|saneringskrediet")
    ).groupby(["client_id", "datum_ev"])["noemt"].any()
    assert genoemd.all()


def test_relapse_lowers_the_domain_it_concerns(world: DemoWorld) -> None:
    big = generate(seed=11, n_clients=1500)
    ev = big.gebeurtenissen[big.gebeurtenissen["soort"] == "opname"]
    geest = _professional_zrm(big).query("domein == 'geestelijke_gezondheid'")
    drops = []
    for row in ev.itertuples():
        own = geest[geest["client_id"] == row.client_id]
        before, after = own[own["datum"] <= row.datum], own[own["datum"] > row.datum]
        if len(before) and len(after):
            drops.append(after["score"].iloc[0] - before["score"].iloc[-1])
    assert len(drops) >= 10 and np.mean(drops) < -0.5


def test_casussen_is_a_list_of_dicts(world: DemoWorld) -> None:
    assert isinstance(world.casussen, list)
    assert all(isinstance(c, dict) for c in world.casussen)
