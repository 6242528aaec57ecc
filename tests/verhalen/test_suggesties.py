import pandas as pd

from verhalen.codeboek import Code, Codeboek, zrm_codeboek
from verhalen.suggesties import Regel, Suggesteerder, sentence_spans, stem, suggest_codes


def test_dutch_stemming_matches_inflections():
    assert stem("Uithuiszettingen") == stem("uithuiszetting")
    sug = Suggesteerder(regels=[Regel("wonen", "woning")], eenheid="treffer")
    hits = sug.hits("Twee woningen bekeken.")
    assert [(s, e) for s, e, _ in hits] == [(5, 13)]


def test_compound_wildcard_and_multiword():
    sug = Suggesteerder(regels=[Regel("geld", "schuld*"), Regel("hulp", "sociaal werker")],
                        eenheid="treffer")
    text = "De Schuldhulpverlening en de sociaal werkers hielpen."
    hits = {(text[s:e], r.code_id) for s, e, r in sug.hits(text)}
    assert hits == {("Schuldhulpverlening", "geld"), ("sociaal werkers", "hulp")}


def test_no_false_hit_inside_other_word():
    sug = Suggesteerder(regels=[Regel("post", "post")], eenheid="treffer")
    assert sug.hits("Hij at een postelein-salade.") == []
    assert len(sug.hits("De post bleef liggen.")) == 1


def test_regex_and_sentence_unit():
    cb = Codeboek([Code("k", "Keerpunt", patronen=[r"vanaf dat moment"])])
    text = "Het was zwaar. Vanaf dat moment ging het beter! Einde."
    verhalen = pd.DataFrame({"verhaal_id": [7], "tekst": [text]})
    out = suggest_codes(verhalen, cb)
    assert list(out["fragment"]) == ["Vanaf dat moment ging het beter!"]
    assert out.loc[0, "soort"] == "patroon"


def test_sentence_spans_cover_text():
    text = "Een. Twee?\n\nDrie"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Een.", "Twee?", "Drie"]


def test_zrm_codebook_suggests_expected_domains():
    verhalen = pd.DataFrame({
        "verhaal_id": [1, 2],
        "tekst": [
            "Mevrouw had een huurachterstand en de deurwaarder stond voor de deur. "
            "Ze voelt zich erg eenzaam.",
            "Hij drinkt niet meer en heeft een baan gevonden bij een groenbedrijf.",
        ],
    })
    out = Suggesteerder(zrm_codeboek()).suggest(verhalen)
    one = set(out.loc[out.verhaal_id == 1, "code_id"])
    two = set(out.loc[out.verhaal_id == 2, "code_id"])
    assert {"financien.schulden", "sociaal_netwerk"} <= one
    assert {"middelengebruik", "werk_opleiding.werk"} <= two
    assert "middelengebruik" not in one
    # suggestions are offsets into the original text
    for row in out.itertuples():
        text = verhalen.set_index("verhaal_id").loc[row.verhaal_id, "tekst"]
        assert text[row.start:row.eind] == row.fragment
    cods = Suggesteerder(zrm_codeboek()).as_coderingen(verhalen)
    assert list(cods.columns) == [
        "codering_id", "verhaal_id", "code_id", "start", "eind", "codeur", "datum"]
