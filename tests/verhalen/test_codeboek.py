from pathlib import Path

import pandas as pd
import pytest

from impact.errors import UserInputError
from verhalen.codeboek import (
    Code,
    Codeboek,
    coderingen_uit_tabel,
    controleer_coderingen,
    lege_coderingen,
    met_fragment,
    voeg_codering_toe,
    zrm_codeboek,
)


def small() -> Codeboek:
    return Codeboek([
        Code("a", "Geld", kleur="#112233", codeerbaar=False),
        Code("a.1", "Schulden", parent_id="a", definitie="d", voorbeeld="v"),
        Code("a.1.x", "Deurwaarder", parent_id="a.1"),
        Code("b", "Wonen"),
    ])


def test_tree_navigation():
    cb = small()
    assert [c.code_id for c in cb.roots()] == ["a", "b"]
    assert [c.code_id for c in cb.descendants("a")] == ["a.1", "a.1.x"]
    assert [c.code_id for c in cb.ancestors("a.1.x")] == ["a.1", "a"]
    assert cb.root_of("a.1.x").code_id == "a"
    assert cb.depth("a.1.x") == 2
    assert cb.find("schulden").code_id == "a.1"


def test_yaml_round_trip(tmp_path):
    cb = small()
    path = tmp_path / "cb.yaml"
    cb.save(path)
    again = Codeboek.load(path)
    assert again.to_frame().equals(cb.to_frame())
    assert not again["a"].codeerbaar


def test_frame_round_trip_children_before_parents():
    frame = small().to_frame().iloc[::-1]
    cb = Codeboek.from_frame(frame)
    assert cb.to_frame().set_index("code_id").sort_index().equals(
        small().to_frame().set_index("code_id").sort_index())


def test_invalid_codebook_reports_every_problem():
    with pytest.raises(UserInputError) as err:
        Codeboek([Code("a", "A", kleur="rood"), Code("a", "B"), Code("c", "C", parent_id="zz")])
    text = str(err.value)
    assert "kleur" in text and "één keer" in text and "parent_id" in text
    assert len(err.value.problems) == 3


def test_cycle_is_refused():
    with pytest.raises(UserInputError, match="kringverwijzing"):
        Codeboek([Code("a", "A", parent_id="b"), Code("b", "B", parent_id="a")])


def test_zrm_codebook_covers_every_zrm_domain():
    import yaml

    zrm = yaml.safe_load((Path(__file__).resolve().parents[2] / "impact/instrumenten/zrm.yaml").open(encoding="utf-8"))
    domains = {d["code"] for d in zrm["domeinen"]}
    cb = zrm_codeboek()
    assert domains == {c.domein for c in cb if c.domein}
    assert all(c.definitie for c in cb)


def test_codings_offsets_checked():
    verhalen = pd.DataFrame({"verhaal_id": [1, 2], "tekst": ["Hallo wereld", "Kort"]})
    cods = voeg_codering_toe(lege_coderingen(), 1, "a.1", 0, 5, "anna", "2026-01-02")
    cods = voeg_codering_toe(cods, 2, "b", 0, 4, "bert")
    assert list(met_fragment(cods, verhalen)["fragment"]) == ["Hallo", "Kort"]
    controleer_coderingen(cods, verhalen, small())
    bad = voeg_codering_toe(cods, 2, "a", 0, 10, "bert")
    with pytest.raises(UserInputError) as err:
        controleer_coderingen(bad, verhalen, small())
    assert len(err.value.problems) == 2  # too long and a non-codable category
    with pytest.raises(UserInputError):
        voeg_codering_toe(cods, 1, "b", 5, 5, "x")


def test_read_codings_csv_by_name(tmp_path):
    from impact.io.tabular import read_table

    verhalen = pd.DataFrame({"verhaal_id": [1], "tekst": ["Er kwam een deurwaarder."]})
    path = tmp_path / "c.csv"
    path.write_text("verhaal_id,code,start,eind,codeur,datum\n1,Deurwaarder,12,23,anna,2026-03-01\n"
                    "1,bestaat niet,0,2,anna,2026-03-01\n", encoding="utf-8")
    with pytest.raises(UserInputError) as err:
        coderingen_uit_tabel(read_table(path), verhalen, small())
    assert err.value.problems[0].row == 3
    path.write_text("verhaal_id,code,start,eind,codeur,datum\n1,Deurwaarder,12,23,anna,2026-03-01\n",
                    encoding="utf-8")
    out = coderingen_uit_tabel(read_table(path), verhalen, small())
    assert out.loc[0, "code_id"] == "a.1.x"
    assert met_fragment(out, verhalen).loc[0, "fragment"] == "deurwaarder"
