"""Reading stories from a folder (sidecar CSV, front matter, .docx) and from CSV/XLSX."""

from __future__ import annotations

import pandas as pd
import pytest

from impact.errors import UserInputError
from impact.io.verhalen_bestanden import COLUMNS, read_stories


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_with_front_matter_sidecar_and_docx(tmp_path):
    import docx

    write(
        tmp_path / "a.md",
        "---\nsoort: MSC-verhaal\ndatum: 2024-03-12\nauteur_rol: client\n"
        "client_id: 12\ntoestemming: geanonimiseerd publiceren\ntitel: Mijn jaar\n"
        "---\nHet ging beter.\n",
    )
    write(tmp_path / "b.txt", "Zonder metadata.")
    document = docx.Document()
    document.add_paragraph("Eerste alinea.")
    document.add_paragraph("Tweede alinea.")
    document.save(tmp_path / "c.docx")
    write(tmp_path / "metadata.csv", "bestand;soort;datum;wijk;toestemming\n"
          "c.docx;wijkverhaal;31-01-2025;Treebeek;publiceren met bron\n")  # fmt: skip

    frame = read_stories(tmp_path)
    assert list(frame.columns) == COLUMNS
    a, b, c = (frame.iloc[i] for i in range(3))
    assert (a.soort, a.auteur_rol, a.client_id, a.toestemming, a.titel) == (
        "msc_verhaal", "client", 12, "geanonimiseerd_publiceren", "Mijn jaar",
    )  # fmt: skip
    assert a.datum == pd.Timestamp("2024-03-12") and a.tekst == "Het ging beter.\n"
    assert (b.soort, b.auteur_rol, b.toestemming) == ("casusnotitie", "professional", "intern")
    assert pd.isna(b.datum) and pd.isna(b.client_id)
    assert c.tekst == "Eerste alinea.\nTweede alinea."
    assert (c.soort, c.wijk, c.toestemming) == ("wijkverhaal", "Treebeek", "publiceren_met_bron")
    assert list(frame["verhaal_id"]) == [1, 2, 3]
    assert str(frame["datum"].dtype) == "datetime64[ns]"
    assert str(frame["client_id"].dtype) == "Int64"


def test_unreadable_story_files_are_named_once_each(tmp_path):
    """Before: a broken .docx raised python-docx's traceback, and a file that could not be read
    was listed a second time as an empty story."""
    write(tmp_path / "goed.txt", "Het ging beter.")
    (tmp_path / "kapot.docx").write_bytes(b"PK\x03\x04rommel")
    (tmp_path / "geen.docx").write_bytes(b"Dit is platte tekst met een verkeerde naam.")
    (tmp_path / "binair.txt").write_bytes(b"\xff\xfeA\x00" + b"\x01\xe0" * 40)
    with pytest.raises(UserInputError) as info:
        read_stories(tmp_path)
    named = sorted((p.file.split("/")[-1], p.expected) for p in info.value.problems)
    assert named == [
        ("binair.txt", "een tekstbestand (CSV, YAML of tekst)"),
        ("geen.docx", "een leesbaar Word-bestand (.docx)"),
        ("kapot.docx", "een leesbaar Word-bestand (.docx)"),
    ]


def test_all_metadata_problems_at_once_with_file_row_column(tmp_path):
    write(tmp_path / "a.txt", "---\nsoort: casusnotitie\ntoestemming: openbaar\n---\nTekst.")
    write(tmp_path / "b.txt", "Tekst.")
    write(
        tmp_path / "metadata.csv",
        "bestand,auteur_rol,datum\nb.txt,buurman,32-13-2024\nweg.txt,client,\n",
    )
    with pytest.raises(UserInputError) as info:
        read_stories(tmp_path)
    found = {(p.file.split("/")[-1], p.row, p.column, str(p.found)) for p in info.value.problems}
    assert ("a.txt", 3, "toestemming", "openbaar") in found
    assert ("metadata.csv", 2, "auteur_rol", "buurman") in found
    assert ("metadata.csv", 2, "datum", "32-13-2024") in found
    assert ("metadata.csv", 3, "bestand", "weg.txt") in found
    assert all("een van" in p.expected or p.column != "toestemming" for p in info.value.problems)


def test_table_with_tekst_column_csv_and_xlsx(tmp_path):
    csv = write(
        tmp_path / "v.csv",
        "tekst;soort;client_id;toestemming\n"
        '"Regel met ; puntkomma";clientverhaal;5;intern gebruik\nTweede;;;\n',
    )
    frame = read_stories(csv)
    assert list(frame["tekst"]) == ["Regel met ; puntkomma", "Tweede"]
    assert list(frame["toestemming"]) == ["intern", "intern"]
    assert frame["client_id"].tolist()[0] == 5 and pd.isna(frame["client_id"].tolist()[1])
    assert list(frame["bron"]) == ["v.csv:2", "v.csv:3"]

    xlsx = tmp_path / "v.xlsx"
    pd.DataFrame({"tekst": ["Een", "Twee"], "toestemming": ["intern", "alles"]}).to_excel(
        xlsx, index=False
    )
    with pytest.raises(UserInputError) as info:
        read_stories(xlsx)
    (problem,) = info.value.problems
    assert (problem.row, problem.column, problem.found) == (3, "toestemming", "alles")


def test_table_without_tekst_column(tmp_path):
    with pytest.raises(UserInputError) as info:
        read_stories(write(tmp_path / "v.csv", "verhaal;soort\nx;y\n"))
    assert info.value.problems[0].column == "tekst"


def test_html_in_a_story_is_kept_as_plain_text(tmp_path):
    write(tmp_path / "x.txt", "<script>alert(1)</script><b>vet</b>")
    assert read_stories(tmp_path)["tekst"][0] == "<script>alert(1)</script><b>vet</b>"
