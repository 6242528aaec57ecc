"""The one strict reader (impact.io.tabular.read_table): every bad file a Dutch answer, by row."""

from __future__ import annotations

import pandas as pd
import pytest

from impact.errors import UserInputError
from impact.io.tabular import read_table


def _problems(path) -> list[str]:
    with pytest.raises(UserInputError) as caught:
        read_table(path)
    return [str(p) for p in caught.value.problems]


def test_utf8_with_one_windows_byte_is_refused_naming_the_line(tmp_path):
    """Before: the whole file was read as cp1252 and 'Kerkëveld' stored as 'KerkÃ«veld'."""
    path = tmp_path / "c.csv"
    path.write_bytes("pseudoniem;wijk\nC1;Kerkëveld\n".encode() + "C2;Rijkël\n".encode("cp1252"))
    problems = _problems(path)
    assert len(problems) == 1 and problems[0].startswith(f"{path}:3:")
    assert "tekenset" in problems[0]


def test_consistent_cp1252_and_utf16_are_read(tmp_path):
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes("pseudoniem;wijk\r\nC1;Kerkëveld\r\n".encode(encoding))
        assert read_table(path)["wijk"].tolist() == ["Kerkëveld"], encoding


@pytest.mark.parametrize(
    ("content", "word"),
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (bytes(range(256)) * 8, "binaire"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50, ".xls"),
    ],
)
def test_empty_and_binary_files_get_a_dutch_answer(tmp_path, content, word):
    """Before: EmptyDataError / UnboundLocalError tracebacks."""
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    assert any(word in p for p in _problems(path))


def test_binary_bytes_that_happen_to_decode_are_refused(tmp_path):
    """Before: bytes after a UTF-16 byte-order mark, or bytes without the five that cp1252
    leaves undefined, were read as text: Chinese-looking or accented garbage was imported."""
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes(b"\xff\xfeA\x00" + b"\x01\xe0" * 40)  # 'A', then private-use code units
    assert any("binaire gegevens" in p for p in _problems(utf16))
    stray = tmp_path / "kenmerk.csv"  # a UTF-8 file behind a stray UTF-16 mark
    stray.write_bytes(b"\xff\xfepseudoniem;geboortejaar\nC3;1990\n")
    assert _problems(stray) == [f"{stray}: tekst in één tekenset (sla het bestand op als UTF-8), er stond: "
                                "'een UTF-16-kenmerk aan het begin, maar de tekst erna is geen UTF-16'"]
    controls = tmp_path / "stuur.csv"
    controls.write_bytes(b"pseudoniem;wijk\nC1;Kerk\x02veld\nC2;\x1bx\n")
    problems = _problems(controls)
    assert [p.split(":")[1] for p in problems] == ["2", "3"]
    assert "stuurteken U+0002" in problems[0] and "stuurteken U+001B" in problems[1]


def test_text_with_tabs_word_line_breaks_and_new_emoji_is_still_text(tmp_path):
    path = tmp_path / "w.csv"
    text = "pseudoniem;wijk\r\nC1;Kerk\x0bveld\fnoord\r\nC2;\U0001FAE8 Treebeek\r\n"  # U+1FAE8: Unicode 15
    for encoding in ("utf-8", "utf-16"):
        path.write_bytes(text.encode(encoding))
        assert read_table(path)["wijk"].tolist() == ["Kerk\x0bveld\fnoord", "\U0001FAE8 Treebeek"], encoding


def test_xlsx_is_recognised_by_content_not_name(tmp_path):
    pd.DataFrame({"pseudoniem": ["C1"], "wijk": ["Fatima"]}).to_excel(tmp_path / "c.xlsx", index=False)
    misnamed = tmp_path / "c.csv"
    misnamed.write_bytes((tmp_path / "c.xlsx").read_bytes())
    assert read_table(misnamed).to_dict("list") == {"pseudoniem": ["C1"], "wijk": ["Fatima"]}
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"rommel" * 20)
    assert "Excel" in _problems(broken)[0]


def test_sheet_choice_is_explained(tmp_path):
    path = tmp_path / "twee.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame().to_excel(writer, sheet_name="voorblad")
        pd.DataFrame({"pseudoniem": ["C1"]}).to_excel(writer, sheet_name="gegevens", index=False)
    assert "blad 'gegevens'" in _problems(path)[0]


def test_ragged_rows_and_open_quote_are_located_by_row(tmp_path):
    """Before: pandas' English text and the wrong row, or a silently padded row."""
    path = tmp_path / "r.csv"
    path.write_text("a;b;c\n1;2;3\n1;2\n1;2;3;4\n1;2;3;;\n\n4;5;6\n", encoding="utf-8")
    assert [p.split(":")[1] for p in _problems(path)] == ["3", "4"]
    quote = tmp_path / "q.csv"
    quote.write_text('a;b\n1;2\n3;"vier\n5;6\n', encoding="utf-8")
    (problem,) = _problems(quote)
    assert problem.startswith(f"{quote}:3:") and "aanhalingsteken" in problem


def test_duplicate_and_nameless_columns_are_refused(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("bron;Bron;;score\nclient;professional;x;2\n", encoding="utf-8")
    problems = _problems(path)
    assert any(":1:bron:" in p for p in problems) and any(":1:C:" in p for p in problems)


def test_index_is_the_excel_row(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text('a;b\n"regel\nover twee";1\n\nx;2\n', encoding="utf-8")
    frame = read_table(path)
    assert (frame.index + 2).tolist() == [2, 4]
