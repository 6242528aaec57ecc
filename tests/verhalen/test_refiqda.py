import re
import zipfile
from collections import namedtuple

import pandas as pd
import pytest
from lxml import etree

from impact.errors import UserInputError
from verhalen.codeboek import Code, Codeboek, zrm_codeboek
from verhalen.refiqda import (
    NS_PROJECT,
    build_project,
    client_variables,
    codebook_xml,
    codings_equal,
    export_qdc,
    export_qdpx,
    guid,
    import_qdc,
    import_qdpx,
    pseudonymise_for_export,
    shift_position,
    validate,
)

SCRIPT = 'Let op: <script>alert("x")</script> & <b>vet</b> ]]> einde.'


def world():
    clienten = pd.DataFrame({
        "client_id": [1, 2], "pseudoniem": ["C000001", "C000002"],
        "gemeente": ["Weert", "Brunssum"], "wijk": ["Molenakker", "Centrum"],
        "groep": ["interventie", "vergelijking"], "cohort": ["2024", "2025"],
        "geboortejaar": [1980, 1975],
    })
    verhalen = pd.DataFrame({
        "verhaal_id": [10, 11, 12, 13],
        "titel": ["Brief van de deurwaarder", "<i>Eindelijk</i> rust", "Wijk", "Geheim"],
        "tekst": [
            "Er lag een brief van de deurwaarder.\nZe belde meteen de wijkcoach.",
            SCRIPT + "\r\nNieuwe regel met emoji 😀 en daarna schulden.",
            "In de wijk is een nieuw buurthuis geopend.",
            "Alleen voor intern gebruik.",
        ],
        "soort": ["casusnotitie", "clientverhaal", "wijkverhaal", "casusnotitie"],
        "datum": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-04-01", "2025-05-01"]),
        "auteur_rol": ["professional", "client", "burger", "professional"],
        "client_id": pd.array([1, 2, None, 1], dtype="Int64"),
        "gemeente": ["Weert", "Brunssum", "Weert", "Weert"],
        "wijk": ["Molenakker", "Centrum", "Molenakker", "Molenakker"],
        "toestemming": ["geanonimiseerd_publiceren", "publiceren_met_bron",
                        "geanonimiseerd_publiceren", "intern"],
    })
    t11 = verhalen.loc[1, "tekst"]
    rows = [
        (10, "financien.schulden", 0, 36, "anna"), (10, "hulpverlening", 37, 66, "anna"),
        (10, "financien.schulden", 3, 36, "bert"),
        (11, "financien.schulden", t11.index("schulden"), t11.index("schulden") + 8, "anna"),
        (11, "eigen_kracht", 0, len(SCRIPT), "bert"),
        (11, "sociaal_netwerk", t11.index("emoji"), t11.index("😀") + 1, "anna"),
        (12, "maatschappelijke_participatie", 0, 42, "anna"),
        (13, "justitie", 0, 5, "anna"),
    ]
    cods = pd.DataFrame(rows, columns=["verhaal_id", "code_id", "start", "eind", "codeur"])
    cods.insert(0, "codering_id", range(1, len(cods) + 1))
    cods["datum"] = pd.Timestamp("2025-06-01")
    rci = pd.DataFrame({"client_id": [1, 1, 2], "domein": ["financien", "huisvesting",
                                                           "financien"],
                        "categorie": ["betrouwbaar verbeterd", "geen betrouwbare verandering",
                                      "betrouwbaar verslechterd"]})
    trajecten = pd.DataFrame({"client_id": [1, 2], "interventie": ["Schuldhulp", "Wijkcoach"],
                              "start": pd.to_datetime(["2024-01-01", "2024-02-01"])})
    return clienten, verhalen, cods, rci, trajecten


@pytest.fixture
def exported(tmp_path):
    clienten, verhalen, cods, rci, trajecten = world()
    variables = client_variables(clienten, rci=rci, trajecten=trajecten)
    path = tmp_path / "project.qdpx"
    n = export_qdpx(path, verhalen, zrm_codeboek(), cods, variabelen=variables,
                    gebruik="intern")
    return path, n, clienten, verhalen, cods


def test_export_validates_against_official_xsd(exported):
    path, n, *_ = exported
    assert n == 4
    assert validate(path) == []


def test_validation_catches_a_broken_project():
    bad = b'<Project xmlns="urn:QDA-XML:project:1.0"><Sources/></Project>'
    assert validate(bad)  # missing required 'name', empty Sources


def test_round_trip_gives_same_codings_and_clients(exported):
    path, _, clienten, verhalen, cods = exported
    project = import_qdpx(path, clienten=clienten)
    assert codings_equal(project.coderingen, cods)
    back = project.verhalen.set_index("verhaal_id")
    assert back.loc[10, "tekst"] == verhalen.loc[0, "tekst"]
    assert back.loc[11, "tekst"] == verhalen.loc[1, "tekst"]  # CRLF kept as it was
    assert back["client_id"].tolist()[:2] == [1, 2] and pd.isna(back.loc[12, "client_id"])
    assert back.loc[13, "client_id"] == 1
    assert set(project.codeboek.to_frame()["code_id"]) == set(zrm_codeboek().to_frame()["code_id"])
    assert not project.codeboek["financien"].codeerbaar
    # the coded text is the same text
    texts = dict(zip(verhalen["verhaal_id"], verhalen["tekst"], strict=True))
    for a, b in zip(cods.sort_values(["verhaal_id", "start", "code_id"]).itertuples(),
                    project.coderingen.sort_values(["verhaal_id", "start", "code_id"])
                    .itertuples(), strict=True):
        new = back.loc[b.verhaal_id, "tekst"]
        assert texts[a.verhaal_id][a.start:a.eind] == new[b.start:b.eind]


def test_cases_carry_quantitative_variables(exported):
    path, *_ = exported
    project = import_qdpx(path)
    cases = project.cases.set_index("case")
    assert cases.loc["C000001", "rci_financien"] == "betrouwbaar verbeterd"
    assert cases.loc["C000002", "interventie"] == "Wijkcoach"
    assert cases.loc["C000002", "gemeente"] == "Brunssum"
    assert cases.loc["C000001", "geboortejaar"] == 1980
    stories = project.verhalen.set_index("verhaal_id")
    assert stories.loc[12, "soort"] == "wijkverhaal"
    assert stories.loc[10, "datum"] == pd.Timestamp("2025-01-05")


def test_html_and_script_stay_text(exported, tmp_path):
    path, *_ = exported
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde")
        source = archive.read(f"sources/{guid('story', 11)}.txt").decode("utf-8")
    assert source.startswith(SCRIPT)  # stored verbatim as plain text, not markup
    assert b"<script>" not in qde and b"<i>" not in qde
    assert b"&lt;i&gt;Eindelijk&lt;/i&gt; rust" in qde
    root = etree.fromstring(qde)
    names = [s.get("name") for s in root.iter(f"{{{NS_PROJECT}}}TextSource")]
    assert "<i>Eindelijk</i> rust" in names
    project = import_qdpx(path)
    assert project.verhalen.set_index("verhaal_id").loc[11, "tekst"].startswith(SCRIPT)
    # inline content variant is escaped too and still valid
    _, verhalen, cods, *_ = world()
    xml, _ = build_project(verhalen, zrm_codeboek(), cods)
    assert validate(xml) == []


class FakePseudonymizer:
    """Stands in for verhalen.pseudonimisering.Pseudonymizer: replaces fixed words."""

    Replacement = namedtuple("Replacement", "start end kind text replacement")
    Result = namedtuple("Result", "text replacements")

    def pseudonymize(self, text, known=None, client_key=None):
        out, reps, pos = [], [], 0
        for m in re.finditer(r"deurwaarder|wijkcoach|emoji", text):
            new = "[Persoon-1]"
            reps.append(self.Replacement(m.start(), m.end(), "persoon", m.group(), new))
            out += [text[pos:m.start()], new]
            pos = m.end()
        out.append(text[pos:])
        return self.Result("".join(out), reps)


def test_consent_scope_for_publication(tmp_path):
    clienten, verhalen, cods, *_ = world()
    path = tmp_path / "pub.qdpx"
    with pytest.raises(UserInputError, match="gepseudonimiseerde tekst"):
        export_qdpx(path, verhalen, zrm_codeboek(), cods, gebruik="geanonimiseerd_publiceren")
    n = export_qdpx(path, verhalen, zrm_codeboek(), cods, gebruik="geanonimiseerd_publiceren",
                    pseudonymizer=FakePseudonymizer())
    assert n == 3
    project = import_qdpx(path)
    assert 13 not in set(project.verhalen["verhaal_id"])
    assert 13 not in set(project.coderingen["verhaal_id"])
    assert "deurwaarder" not in " ".join(project.verhalen["tekst"])
    flagged = verhalen.assign(gepseudonimiseerd=True)
    assert export_qdpx(tmp_path / "bron.qdpx", flagged, zrm_codeboek(), cods,
                       gebruik="publiceren_met_bron") == 1


def test_pseudonymised_export_moves_offsets():
    _, verhalen, cods, *_ = world()
    stories, moved = pseudonymise_for_export(verhalen, cods, FakePseudonymizer())
    text = dict(zip(stories["verhaal_id"], stories["tekst"], strict=True))
    old = dict(zip(verhalen["verhaal_id"], verhalen["tekst"], strict=True))
    for a, b in zip(cods.itertuples(), moved.itertuples(), strict=True):
        before = old[a.verhaal_id][a.start:a.eind]
        after = text[b.verhaal_id][b.start:b.eind]
        assert FakePseudonymizer().pseudonymize(before).text == after
    # 'Ze belde meteen de wijkcoach.' keeps its end after the placeholder
    row = moved[(moved.verhaal_id == 10) & (moved.code_id == "hulpverlening")].iloc[0]
    assert text[10][row.start:row.eind] == "Ze belde meteen de [Persoon-1]."
    # a segment ending inside a replaced word grows to the placeholder's end
    reps = FakePseudonymizer().pseudonymize("de deurwaarder kwam").replacements
    assert shift_position(5, reps, "eind") == 3 + len("[Persoon-1]")
    assert shift_position(5, reps, "start") == 3


def test_crlf_export_offsets_and_round_trip(tmp_path):
    clienten, verhalen, cods, *_ = world()
    path = tmp_path / "crlf.qdpx"
    export_qdpx(path, verhalen, zrm_codeboek(), cods, regeleinde="\r\n")
    assert validate(path) == []
    with zipfile.ZipFile(path) as archive:
        raw = archive.read(f"sources/{guid('story', 10)}.txt").decode("utf-8")
        root = etree.fromstring(archive.read("project.qde"))
    assert "\r\n" in raw
    # the hulpverlening segment starts after the line break: +1 in the CRLF file
    sel = [s for s in root.iter(f"{{{NS_PROJECT}}}PlainTextSelection")
           if s.get("guid") == guid("selection", "10:2")][0]
    assert int(sel.get("startPosition")) == 38
    assert raw[38:67] == "Ze belde meteen de wijkcoach."
    kept = import_qdpx(path)  # text as in the file: offsets count the CR
    assert kept.verhalen.set_index("verhaal_id").loc[10, "tekst"] == raw
    project = import_qdpx(path, regeleinden="lf")
    # stories without CRLF in the database come back exactly as they were
    lf_only = cods[cods["verhaal_id"] != 11]
    assert codings_equal(project.coderingen[project.coderingen["verhaal_id"] != 11], lf_only)
    back = project.verhalen.set_index("verhaal_id")
    assert back.loc[11, "tekst"] == verhalen.loc[1, "tekst"].replace("\r\n", "\n")


def _vendor_project(tmp_path, folder="Sources", crlf_one=False, braces=True, utf16=False):
    """A hand-made project as another vendor might write it."""
    text = "Eerste regel 😀.\r\nTweede regel over schulden."
    g = "{0A1B2C3D-1111-2222-3333-444455556666}" if braces else \
        "0a1b2c3d-1111-2222-3333-444455556666"
    start = text.index("schulden")
    if crlf_one:
        start -= 1
    if utf16:  # the emoji is two UTF-16 code units
        start += 1
    code_g = "{AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE}"
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="vendor">
 <Users><User guid="{{11111111-2222-3333-4444-555555555555}}" name="Ine"/></Users>
 <CodeBook><Codes>
  <Code guid="{{99999999-BBBB-CCCC-DDDD-EEEEEEEEEEEE}}" name="Geld" isCodable="false">
   <Code guid="{code_g}" name="Schulden" isCodable="true" color="#ff0000"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{g}" name="Notitie" plainTextPath="internal://{g}.txt">
   <PlainTextSelection guid="{{22222222-2222-3333-4444-555555555555}}" startPosition="{start}"
     endPosition="{start + 8}" creatingUser="{{11111111-2222-3333-4444-555555555555}}">
    <Coding guid="{{33333333-2222-3333-4444-555555555555}}"
      creatingUser="{{11111111-2222-3333-4444-555555555555}}">
     <CodeRef targetGUID="{code_g.lower()}"/>
    </Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>"""
    path = tmp_path / "vendor.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"{folder}/{g}.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    return path


@pytest.mark.parametrize("folder", ["Sources", "sources", "SOURCES"])
def test_vendor_folder_case_guid_braces_and_categories(tmp_path, folder):
    path = _vendor_project(tmp_path, folder)
    assert validate(path) == []
    project = import_qdpx(path)
    row = project.coderingen.iloc[0]
    text = project.verhalen.iloc[0]["tekst"]
    assert text[row.start:row.eind] == "schulden" and row.codeur == "Ine"
    assert project.codeboek[row.code_id].naam == "Schulden"
    parent = project.codeboek[row.code_id].parent_id
    assert not project.codeboek[parent].codeerbaar


def test_vendor_crlf_counted_as_one(tmp_path):
    for regeleinden in ("behouden", "lf"):
        project = import_qdpx(_vendor_project(tmp_path, crlf_one=True), crlf="een_teken",
                              regeleinden=regeleinden)
        row = project.coderingen.iloc[0]
        assert project.verhalen.iloc[0]["tekst"][row.start:row.eind] == "schulden"


def test_utf16_offsets(tmp_path):
    project = import_qdpx(_vendor_project(tmp_path, utf16=True), offsets="utf16")
    row = project.coderingen.iloc[0]
    assert project.verhalen.iloc[0]["tekst"][row.start:row.eind] == "schulden"
    wrong = import_qdpx(_vendor_project(tmp_path, utf16=True))  # read as code points
    row = wrong.coderingen.iloc[0]
    assert wrong.verhalen.iloc[0]["tekst"][row.start:row.eind] != "schulden"


def test_qdc_round_trip_and_validation(tmp_path):
    cb = Codeboek([Code("a", "Geld & <schuld>", codeerbaar=False, kleur="#123456",
                        definitie="Alles over geld", voorbeeld="Een aanmaning"),
                   Code("a.1", "Deurwaarder", parent_id="a", kleur="#abc")])
    assert validate(codebook_xml(cb), "codebook") == []
    path = tmp_path / "cb.qdc"
    export_qdc(path, cb)
    again = import_qdc(path, codeboek=cb)
    assert again.to_frame().drop(columns=["domein"]).equals(cb.to_frame().drop(columns=["domein"]))
    zrm = tmp_path / "zrm.qdc"
    export_qdc(zrm, zrm_codeboek())
    assert validate(zrm.read_bytes(), "codebook") == []
    assert [c.code_id for c in import_qdc(zrm)] == [c.code_id for c in zrm_codeboek()]
