"""The published version of a story, made once: its spans let a quote of the original be cut
from the published text; a story without one is refused (reports never pseudonymise)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from impact.errors import UserInputError
from verhalen.pseudonimisering import Pseudonymizer
from verhalen.publicatie import (
    KOLOMMEN,
    REGELSET,
    _samen,
    citaat,
    gepubliceerd,
    publiceer,
    publiceer_verhalen,
)


def _vervang(tekst: str, spans: list[tuple[int, int, str]]) -> tuple[str, list[list[int]]]:
    uit, pos = [], 0
    for start, eind, nieuw in spans:
        uit += [tekst[pos:start], nieuw]
        pos = eind
    uit.append(tekst[pos:])
    return "".join(uit), [[s, e, len(n)] for s, e, n in spans]


def test_citaat_maps_original_offsets_to_the_published_text():
    origineel = "Sandra de Vries belde. Zij woont op de Kerkstraat 12 in Weert en is blij."
    s1 = origineel.index("Sandra de Vries")
    s2 = origineel.index("Kerkstraat 12")
    gepub, spans = _vervang(origineel, [(s1, s1 + 15, "Anna"), (s2, s2 + 13, "de Molenweg 3")])
    assert gepub == "Anna belde. Zij woont op de de Molenweg 3 in Weert en is blij."
    start = origineel.index("Zij woont")
    assert (
        citaat(origineel, gepub, spans, start, len(origineel))
        == "Zij woont op de de Molenweg 3 in Weert en is blij."
    )
    assert citaat(origineel, gepub, spans, 0, 5) == "Anna"  # starts and ends inside a name
    eind = origineel.index(" in Weert")
    assert citaat(origineel, gepub, spans, origineel.index("Kerk"), eind) == "de Molenweg 3"
    assert citaat(origineel, gepub, spans, origineel.index("blij"), len(origineel)) == "blij."
    assert citaat(origineel, gepub, [], 0, 6) == gepub[:6]


def test_two_rounds_of_replacement_compose_into_one():
    origineel = "C000012 zag Sandra. Later C000012 weer."
    eerst, r1 = _vervang(origineel, [(12, 18, "Anna")])
    tweede_tekst, r2 = _vervang(
        eerst, [(0, 7, "De cliënt"), (eerst.index("C000012", 5), eerst.index("C000012", 5) + 7, "de cliënt")]
    )
    samen = _samen(r1, r2)
    assert citaat(origineel, tweede_tekst, samen, 0, len(origineel)) == tweede_tekst
    assert (
        citaat(origineel, tweede_tekst, samen, origineel.index("Sandra"), origineel.index(".") + 1) == "Anna."
    )
    assert (
        citaat(origineel, tweede_tekst, samen, origineel.index("Later"), len(origineel))
        == "Later de cliënt weer."
    )


def _verhalen() -> tuple[pd.DataFrame, pd.DataFrame]:
    verhalen = pd.DataFrame(
        {
            "verhaal_id": [1, 2, 3],
            "titel": ["Over Sandra", "Intern", "Buurt"],
            "tekst": [
                "Sandra de Vries (C000001) belde op 06-12345678. Het gaat beter met Sandra.",
                "Sandra de Vries intern.",
                "In de wijk helpt iedereen.",
            ],
            "client_id": pd.array([1, 1, pd.NA], dtype="Int64"),
            "gemeente": ["Weert"] * 3,
            "wijk": ["Centrum"] * 3,
            "toestemming": ["geanonimiseerd_publiceren", "intern", "publiceren_met_bron"],
        }
    )
    identiteiten = pd.DataFrame(
        {"client_id": [1, 1], "soort": ["naam", "telefoon"], "waarde": ["Sandra de Vries", "06-12345678"]}
    )
    return verhalen, identiteiten


def test_publiceer_verhalen_fills_the_columns_for_publishable_stories_only():
    verhalen, identiteiten = _verhalen()
    uit = publiceer_verhalen(
        verhalen,
        identiteiten,
        ("Weert", "Centrum"),
        ("C000001",),
        pseudonymizer=Pseudonymizer(dates="maand", use_deduce=False),
    )
    assert list(uit.columns[-4:]) == list(KOLOMMEN)
    assert uit["tekst_publicatie"].isna().tolist() == [False, True, False]
    een = uit.iloc[0]
    assert "Sandra" not in een["tekst_publicatie"] and "C000001" not in een["tekst_publicatie"]
    assert "12345678" not in een["tekst_publicatie"] and "Sandra" not in een["titel_publicatie"]
    assert een["regelset_publicatie"] == REGELSET and REGELSET.startswith("6+deduce")
    # a quote of the original, cut from the published text
    start = een["tekst"].index("Het gaat")
    quote = citaat(
        een["tekst"], een["tekst_publicatie"], een["vervangingen_publicatie"], start, len(een["tekst"])
    )
    assert quote.startswith("Het gaat beter met ") and "Sandra" not in quote
    assert quote == een["tekst_publicatie"][een["tekst_publicatie"].index("Het gaat") :]


def test_gepubliceerd_shows_the_stored_version_and_refuses_without_one():
    verhalen, identiteiten = _verhalen()
    with pytest.raises(UserInputError) as fout:
        gepubliceerd(verhalen)
    bericht = str(fout.value)
    assert "verhaal_id 1, 2, 3" in bericht and "impact verhalen pseudonimiseer --db" in bericht
    klaar = publiceer(verhalen, identiteiten, pseudonymizer=Pseudonymizer(dates="maand", use_deduce=False))
    getoond = gepubliceerd(klaar.iloc[[0, 2]])
    assert getoond["tekst"].tolist() == klaar["tekst_publicatie"].iloc[[0, 2]].tolist()
    assert "Sandra" not in getoond["titel"].iloc[0]


def test_a_story_published_by_an_older_rule_set_is_refused_until_republished():
    from verhalen.publicatie import CASUS_REGELSET, CASUS_TEKST, casus_gepubliceerd

    verhalen, identiteiten = _verhalen()
    klaar = publiceer(verhalen, identiteiten, pseudonymizer=Pseudonymizer(dates="maand", use_deduce=False))
    oud = klaar.iloc[[0, 2]].copy()
    oud.loc[oud.index[1], "regelset_publicatie"] = "0+deduce3.0.6+oud"
    with pytest.raises(UserInputError) as fout:
        gepubliceerd(oud)
    bericht = str(fout.value)
    assert "1 verhaal met toestemming om te publiceren heeft een gepubliceerde versie die met een oudere" in bericht
    assert "verhaal_id 3" in bericht and "impact verhalen pseudonimiseer --db" in bericht
    casus = {"naam": "Fatima", "verhaal": "Tekst", CASUS_TEKST: "Tekst", CASUS_REGELSET: "oud"}
    with pytest.raises(UserInputError, match="oudere pseudonimisering"):
        casus_gepubliceerd(casus)
    assert casus_gepubliceerd({**casus, CASUS_REGELSET: REGELSET}) == "Tekst"


def test_a_surrogate_is_never_the_name_of_a_known_person():
    tekst = "Sandra belde vandaag over de huur."
    identiteiten = pd.DataFrame({"client_id": [1], "soort": ["voornaam"], "waarde": ["Sandra"]})
    eerst = Pseudonymizer(dates="maand", use_deduce=False).pseudonymize(
        tekst, identiteiten[["soort", "waarde"]], 1, style="surrogaat"
    )
    gekozen = eerst.replacements[0].replacement.split()[0]
    # the same story, now that another client's naaste happens to carry that name
    anderen = pd.concat(
        [identiteiten, pd.DataFrame({"client_id": [2], "soort": ["naaste"], "waarde": [f"{gekozen} Jansen"]})]
    )
    verhalen = pd.DataFrame({"verhaal_id": [1], "client_id": [1], "titel": [""], "tekst": [tekst],
                             "toestemming": ["geanonimiseerd_publiceren"]})
    klaar = publiceer(verhalen, anderen, pseudonymizer=Pseudonymizer(dates="maand", use_deduce=False))
    nieuw = klaar["tekst_publicatie"].iloc[0]
    assert "Sandra" not in nieuw and gekozen not in nieuw, (gekozen, nieuw)


def _zonder_deduce() -> Pseudonymizer:
    return Pseudonymizer(dates="maand", use_deduce=False)


def test_gepubliceerd_names_every_story_it_refuses_and_counts_the_rest():
    verhalen = pd.DataFrame({"verhaal_id": range(1, 13), "titel": "t", "tekst": "Een verhaal."})
    with pytest.raises(UserInputError) as fout:
        gepubliceerd(verhalen)
    assert fout.value.problems[0].expected == (
        "12 verhalen met toestemming om te publiceren hebben nog geen gepubliceerde (gepseudonimiseerde) "
        "versie (verhaal_id 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 en nog 2); draai `impact verhalen pseudonimiseer "
        "--db` en maak het rapport daarna opnieuw"
    )
    # one story of three without its published version: only that one is named
    klaar = verhalen.head(3).assign(tekst_publicatie=["Een.", None, "Drie."], regelset_publicatie=REGELSET)
    with pytest.raises(UserInputError) as fout:
        gepubliceerd(klaar)
    assert fout.value.problems[0].expected.startswith(
        "1 verhaal met toestemming om te publiceren heeft nog geen gepubliceerde (gepseudonimiseerde) versie "
        "(verhaal_id 2);"
    )
    assert gepubliceerd(verhalen.head(0)).empty  # nothing to show, nothing to refuse
    for n, lijst in ((10, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"), (11, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 en nog 1)")):
        with pytest.raises(UserInputError) as fout:
            gepubliceerd(verhalen.head(n))
        assert f"(verhaal_id {lijst};" in fout.value.problems[0].expected


def test_gepubliceerd_shows_published_title_and_text_only_with_a_fresh_index():
    verhalen = pd.DataFrame(
        {
            "verhaal_id": [7, 8],
            "titel": ["Over Sandra", "Over Piet"],
            "tekst": ["Sandra belde.", "Piet belde."],
            "titel_publicatie": ["Over Anna", None],
            "tekst_publicatie": ["Anna belde.", "Kees belde."],
            "regelset_publicatie": [REGELSET, REGELSET],
        },
        index=[10, 11],
    )
    getoond = gepubliceerd(verhalen)
    assert getoond.index.tolist() == [0, 1] and list(getoond.columns) == list(verhalen.columns)
    assert getoond["tekst"].tolist() == ["Anna belde.", "Kees belde."]
    assert getoond["titel"].tolist() == ["Over Anna", ""]  # no published title: none, never the stored one


def test_publiceer_a_world_of_tables_publishes_stories_and_case_descriptions():
    """A researcher's world as a dict of tables: stories and case descriptions (a list, or a
    table with an ``inhoud`` column) get their published version; client pseudonyms become
    'de cliënt', the known names go."""
    verhalen, identiteiten = _verhalen()
    clienten = pd.DataFrame({"client_id": [1], "pseudoniem": ["C000001"], "gemeente": ["Weert"], "wijk": ["Centrum"]})
    casus = {"naam": "Casus 1", "client_id": 1, "verhaal": "Sandra de Vries (C000001) belde op 06-12345678."}
    wereld = {"verhalen": verhalen, "clienten": clienten, "identiteiten": identiteiten, "casussen": [casus]}
    assert publiceer(wereld, pseudonymizer=_zonder_deduce()) is wereld
    tekst = wereld["verhalen"]["tekst_publicatie"].iloc[0]
    beschrijving = wereld["casussen"][0]["verhaal_publicatie"]
    for gepubliceerde_tekst in (tekst, beschrijving):
        assert "(de cliënt)" in gepubliceerde_tekst
        assert not {"Sandra", "Vries", "C000001", "12345678"} & set(re.findall(r"\w+", gepubliceerde_tekst))
    assert wereld["casussen"][0]["verhaal_regelset"] == REGELSET and "verhaal_publicatie" not in casus
    tabel = {**wereld, "verhalen": verhalen, "casussen": pd.DataFrame({"inhoud": [casus]})}
    publiceer(tabel, pseudonymizer=_zonder_deduce())
    assert tabel["casussen"]["inhoud"].iloc[0]["verhaal_publicatie"] == beschrijving
    assert tabel["verhalen"]["tekst_publicatie"].iloc[0] == tekst


def test_publiceer_a_world_with_only_stories_and_identities():
    """No clienten table (or one without pseudonyms) and no cases: the stories are published all the same."""
    verhalen, identiteiten = _verhalen()
    for wereld in (
        {"verhalen": verhalen, "identiteiten": identiteiten},
        {"verhalen": verhalen, "identiteiten": identiteiten, "clienten": pd.DataFrame({"client_id": [1]})},
    ):
        publiceer(wereld, pseudonymizer=_zonder_deduce())
        tekst = wereld["verhalen"]["tekst_publicatie"].iloc[0]
        assert "Sandra" not in tekst and "12345678" not in tekst and "casussen" not in wereld


def test_publiceer_uses_the_pseudonymiser_it_is_given():
    """The pseudonymiser passed in does the work (its deduce, its settings), not a new one:
    it holds the pseudonym state of the world's client afterwards."""
    verhalen, identiteiten = _verhalen()
    clienten = pd.DataFrame({"client_id": [1], "pseudoniem": ["C000001"]})
    gegeven = _zonder_deduce()
    publiceer({"verhalen": verhalen, "clienten": clienten, "identiteiten": identiteiten}, pseudonymizer=gegeven)
    assert set(gegeven.registries([1])) == {1}


def test_publiceer_a_world_without_identities():
    """No identiteiten table: nothing is known, the detectors still publish the story."""
    verhalen, _ = _verhalen()
    wereld = {"verhalen": verhalen, "clienten": pd.DataFrame({"client_id": [1], "pseudoniem": ["C000001"]})}
    publiceer(wereld, pseudonymizer=_zonder_deduce())
    tekst = wereld["verhalen"]["tekst_publicatie"].iloc[0]
    assert tekst and "12345678" not in tekst and "C000001" not in tekst
