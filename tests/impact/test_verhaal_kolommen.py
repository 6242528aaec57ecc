"""Story tables, sidecars and front matter follow the column contract: an unknown or
misspelt column is refused on its row with the nearest known name (issue 12)."""

from __future__ import annotations

import pytest

from impact.errors import UserInputError
from impact.io.verhalen_bestanden import read_stories


def test_misspelt_story_column_is_refused_with_the_nearest_name(tmp_path):
    """Before: a misspelt column ('toestemmming') was ignored, so a story meant for
    publication was stored with the default consent."""
    path = tmp_path / "v.csv"
    path.write_text("tekst;toestemmming\nEen verhaal;publiceren_met_bron\n", encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        read_stories(path)
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (1, "toestemmming")
    assert "bedoelde u 'toestemming'?" in str(problem)


def test_misspelt_key_in_front_matter_and_sidecar_refused(tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "a.txt").write_text("---\nsoort: clientverhaal\nauteur_roll: client\n---\nTekst.\n", encoding="utf-8")
    with pytest.raises(UserInputError) as info:
        read_stories(folder)
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (3, "auteur_roll") and "auteur_rol" in str(problem)
    (folder / "a.txt").write_text("Tekst.\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("bestand;wjik\na.txt;Fatima\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="bedoelde u 'wijk'"):
        read_stories(folder)
