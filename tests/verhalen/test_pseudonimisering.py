"""Pseudonymisation with the shared deduce instance, and recall on the labelled corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

CORPUS_DIR = Path(__file__).with_name("corpus")
sys.path.insert(0, str(CORPUS_DIR))

import evaluatie  # noqa: E402
import maak_corpus  # noqa: E402

IDS = [
    ("voornaam", "Maria"), ("achternaam", "Jansen"), ("naaste", "Kevin de Boer"),
    ("adres", "Rumpenerstraat 112"), ("postcode", "6443 CA"), ("woonplaats", "Brunssum"),
]  # fmt: skip


def test_replaces_everything_and_offsets_point_into_original(pseudonymizer):
    text = (
        "Keukentafelgesprek met mevrouw jansen (43) op 3 maart. Zoon kevin belde vanaf "
        "+31 6 1234 5678; mail m.jansen@gmail.com; BSN 123456782; IBAN NL91 ABNA 0417 1643 00; "
        "adres Rumpenerstraat 112, 6443 CA Brunssum."
    )
    result = pseudonymizer.pseudonymize(text, IDS, client_key="test-offsets")
    for needle in ["jansen", "43", "3 maart", "kevin", "1234 5678", "m.jansen", "123456782",
                   "NL91", "Rumpenerstraat", "6443"]:  # fmt: skip
        assert needle not in result.text
    for r in result.replacements:
        assert text[r.start : r.end] == r.original
        assert r.replacement in result.text
    assert "Keukentafelgesprek met" in result.text


def test_client_is_persoon_1_in_every_note_of_that_client(pseudonymizer):
    key = "test-consistent"
    first = pseudonymizer.pseudonymize("Sandra de Vries en Maria spraken af.", IDS, client_key=key)
    second = pseudonymizer.pseudonymize(
        "maria janssen belde; Sandra kwam later; kevin ook.", IDS, client_key=key
    )
    assert first.text == "[Persoon-3] en [Persoon-1] spraken af."
    assert second.text == "[Persoon-1] belde; [Persoon-3] kwam later; [Persoon-2] ook."
    other = pseudonymizer.pseudonymize("Sandra de Vries belde.", client_key="test-other-client")
    assert other.text == "[Persoon-1] belde."


def test_without_client_key_numbering_starts_fresh(pseudonymizer):
    a = pseudonymizer.pseudonymize("Piet Hendriks belde op 06-12345678.")
    b = pseudonymizer.pseudonymize("Jan Smeets belde op 06-87654321.")
    assert a.text == b.text == "[Persoon-1] belde op [Telefoon-1]."


def test_dates_generalised_to_month():
    from verhalen.deduce_instance import get_deduce
    from verhalen.pseudonimisering import Pseudonymizer

    p = Pseudonymizer(dates="maand", deduce=get_deduce())
    result = p.pseudonymize("Gesprek op 12 maart 2024, vervolg op 3 apr. en op 05-06-2024.")
    assert result.text == "Gesprek op [maart 2024], vervolg op [april] en op [juni 2024]."


def test_html_in_story_stays_text(pseudonymizer):
    text = "<script>alert('Jan Smeets')</script> <b>mevrouw Jansen</b>"
    result = pseudonymizer.pseudonymize(text, IDS, client_key="test-html")
    assert result.text.startswith("<script>alert('")
    assert "Jansen" not in result.text


def test_pseudonymize_frame_consistent_per_client(pseudonymizer):
    verhalen = pd.DataFrame(
        {"verhaal_id": ["a", "b", "c"], "client_id": pd.array([7001, 7001, None], dtype="Int64"),
         "tekst": ["Maria belde.", "maria kwam langs met Kevin.", "Maria belde."]}
    )  # fmt: skip
    identiteiten = pd.DataFrame(
        {"client_id": [7001, 7001], "soort": ["voornaam", "naaste"], "waarde": ["Maria", "Kevin"]}
    )
    out = pseudonymizer.pseudonymize_frame(verhalen, identiteiten)
    assert list(out["tekst"]) == [
        "[Persoon-1] belde.",
        "[Persoon-1] kwam langs met [Persoon-2].",
        "[Persoon-1] belde.",
    ]
    assert list(verhalen["tekst"])[0] == "Maria belde."  # input untouched


def test_corpus_is_deterministic_and_large_enough(tmp_path):
    path = tmp_path / "corpus.jsonl"
    maak_corpus.write(path)
    assert path.read_text(encoding="utf-8") == evaluatie.CORPUS.read_text(encoding="utf-8")
    stories = evaluatie.load()
    counts = pd.Series([label[2] for s in stories for label in s["labels"]]).value_counts()
    assert set(counts.index) == set(maak_corpus.KINDS)
    assert counts.min() >= 200
    for story in stories:
        for start, end, _, value in story["labels"]:
            assert story["tekst"][start:end] == value
    bsns = {w for s in stories for k, w in s["identiteiten"] if k == "bsn"}
    from verhalen.herkenners import elfproef, iban_valid

    assert all(elfproef(b) for b in bsns)
    ibans = {v for s in stories for _, _, k, v in s["labels"] if k == "iban"}
    assert all(iban_valid(i) for i in ibans)


@pytest.fixture(scope="module")
def corpus_outcome(pseudonymizer):
    pseudonymizer.reset()
    return evaluatie.evaluate(evaluatie.load(), evaluatie.pseudonymizer_spans(pseudonymizer))


@pytest.mark.parametrize("kind", ["bsn", "telefoon", "email", "client"])
def test_full_recall_for_bsn_phone_email_and_client_name(corpus_outcome, kind):
    row = corpus_outcome.recall.set_index("soort").loc[kind]
    missed = [m for m in corpus_outcome.missed if m[1] == kind]
    assert row["recall"] == 1.0, missed[:10]


def test_report_other_kinds(corpus_outcome, capsys):
    # Reported, not asserted at 100%: printed for the record (see benchmarks/pseudonimisering.py).
    with capsys.disabled():
        print("\n" + corpus_outcome.recall.to_string(index=False))
    recall = corpus_outcome.recall.set_index("soort")["recall"]
    # large regional care providers (Zuyderland, Mondriaan) are public institutions under the
    # conventions of the independent evaluation set (tests/verhalen/evaluatie): they stay
    assert recall.drop("instelling").min() > 0.5  # a collapse of any detector fails loudly
    assert corpus_outcome.precision["juist"].sum() / corpus_outcome.precision["n"].sum() > 0.95


def test_review_page_escapes_story_html(pseudonymizer):
    from verhalen.beoordeling import render_review

    text = "<script>alert('x')</script> mevrouw Jansen <img src=x onerror=alert(1)> & zo verder"
    result = pseudonymizer.pseudonymize(text, IDS, client_key="test-review")
    page = render_review([("<b>naam.txt</b>", result)])
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>naam" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "&lt;b&gt;naam.txt&lt;/b&gt;" in page
    assert "&amp; zo verder" in page
    assert '<mark title="persoon → [Persoon-1]">mevrouw Jansen</mark>' in page
    assert "<ins" in page and "[Persoon-1]" in page


def test_cli_folder_keeps_file_names_and_writes_review(pseudonymizer, tmp_path):
    from typer.testing import CliRunner

    from impact.cli import app

    bron = tmp_path / "bron"
    bron.mkdir()
    (bron / "notitie 1.txt").write_text("Maria Jansen belde op 06-12345678.", encoding="utf-8")
    (bron / "notitie 2.txt").write_text(
        "---\nclient_id: 42\ntitel: Gesprek met maria\n---\nmaria <script>x</script> kwam.",
        encoding="utf-8",
    )
    (bron / "notitie 3.txt").write_text("Mw. Jansen bleef thuis.", encoding="utf-8")
    ids = tmp_path / "identiteiten.csv"
    ids.write_text("client_id;soort;waarde\n42;voornaam;Maria\n42;achternaam;Jansen\n", "utf-8")
    uit = tmp_path / "uit"
    run = CliRunner().invoke(
        app, ["verhalen", "pseudonimiseer", str(bron), "--uit", str(uit), "--identiteiten", str(ids)]
    )
    assert run.exit_code == 0, run.output
    assert sorted(p.name for p in uit.iterdir()) == [
        "beoordeling.html", "notitie 1.txt", "notitie 2.txt", "notitie 3.txt",
    ]  # fmt: skip
    assert (uit / "notitie 1.txt").read_text("utf-8") == "[Persoon-1] belde op [Telefoon-1]."
    two = (uit / "notitie 2.txt").read_text("utf-8")
    assert (
        two == "---\nclient_id: 42\ntitel: Gesprek met [Persoon-1]\n---\n[Persoon-1] <script>x</script> kwam."
    )
    assert "&lt;script&gt;x&lt;/script&gt;" in (uit / "beoordeling.html").read_text("utf-8")
    # no client_id for this file, so only deduce and our patterns apply (no known identities)
    assert (uit / "notitie 3.txt").read_text("utf-8") == "[Persoon-1] bleef thuis."


def test_cli_table_keeps_rows(pseudonymizer, tmp_path):
    from typer.testing import CliRunner

    from impact.cli import app

    bron = tmp_path / "verhalen.csv"
    bron.write_text(
        "verhaal_id;client_id;tekst\n1;7;Piet Smeets belde.\n2;7;Piet kwam.\n3;;Geen namen.\n", "utf-8"
    )
    uit = tmp_path / "uit"
    run = CliRunner().invoke(app, ["verhalen", "pseudonimiseer", str(bron), "--uit", str(uit)])
    assert run.exit_code == 0, run.output
    out = pd.read_csv(uit / "verhalen.csv", sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(out["verhaal_id"]) == ["1", "2", "3"]
    assert list(out["tekst"]) == ["[Persoon-1] belde.", "[Persoon-1] kwam.", "Geen namen."]
    assert (uit / "beoordeling.html").exists()


def test_cli_refuses_to_overwrite_the_source(tmp_path):
    from impact.cli.verhalen import pseudonimiseer
    from impact.errors import UserInputError

    with pytest.raises(UserInputError):
        pseudonimiseer(tmp_path, tmp_path)


def test_public_places_stay_but_people_and_addresses_go(pseudonymizer):
    """Gemeente and wijk names are public geography; a wijkverhaal is about them."""
    from verhalen.pseudonimisering import Pseudonymizer

    text = "Ik woon al twintig jaar in Brunssum-Noord. Jan de Vries woont aan de Kerkstraat 5 in Roermond."
    keeping = Pseudonymizer(deduce=pseudonymizer.deduce, public_places=["Brunssum-Noord", "Roermond"])
    kept = keeping.pseudonymize(text).text
    assert "Brunssum-Noord" in kept and "Roermond" in kept
    assert "Jan de Vries" not in kept and "Kerkstraat 5" not in kept
    plain = Pseudonymizer(deduce=pseudonymizer.deduce).pseudonymize(text).text
    # place names are public geography also without the list (deduce's residence lists)
    assert "Brunssum-Noord" in plain and "Jan de Vries" not in plain


# --- rules that generalise beyond the evaluation notes (issue 10); sentences made up here ---


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Doorgezet naar Wijkteam Stein, zij gaan langs.", "Wijkteam Stein"),  # a team and its area
        ("Zij woont aan de Hoogstraat 41, 6131 BK Sittard.", "Sittard"),  # the place after a postcode
        ("In Lindenheuvel staat het buurthuis.", "Lindenheuvel"),  # 'in' + wijk, not a street
        ("U kunt het algemene nummer 088 - 880 5000 bellen.", "088 - 880 5000"),
        ("Cliënt C004711 belde op.", "C004711"),  # a pseudonym code, not a name
        ("Het is een jaar of drie geleden.", "een jaar of drie"),
        ("Vanaf 18 jaar is ze volwassen.", "18"),  # an age limit
        ("Ze belde de politie op 0900-8844, geen spoed.", "0900-8844"),  # a service number
        ("Groeten uit Ubach over Worms.", "Ubach over Worms"),  # a place of several words
        ("Haar buurvrouw heeft haar geholpen met Nederlands.", "Nederlands"),  # a language
        ("Sinds ik werk (In de keuken) gaat het beter.", "In de keuken"),  # no organisation
        ("Via Truus bin ich hie gekoume.", "bin"),  # Limburgish 'ben'
        ("Het gaat over mijn zus\n\nGoedemiddag,\n\nik schrijf u omdat", "Goedemiddag"),
        ("Betreft: mijn vader\nHuishoudelijke hulp, aanvraag", "Huishoudelijke"),  # a new line
        ("Ze zaten met z'n allen bij de Kiosk.", "Kiosk"),  # a place one does not live 'op de'
        ("Doel van de inzet: (1) rust in de financiën, (2) werk.", "(1)"),  # a numbered list
        ("Beschikkingsnummer: 123456782, afgegeven in mei.", "123456782"),  # not a BSN
        ("Er is een schuld bij Menzis en bij Essent.", "Menzis"),  # a national creditor
        ("De jeugdarts van GGD Zuid Limburg komt langs.", "GGD Zuid Limburg"),
        ("Het gaat om de Wet inburgering 2021.", "inburgering 2021"),  # a law, no street
        ("Jongerenwerk Maastricht-West / Malberg – avonddienst", "Malberg"),  # a wijk
        ("Veilig Thuis is 24/7 bereikbaar.", "24/7"),
        ("Score zelfzorg 3-5 volgens de ZRM.", "3-5"),  # an ascending range, no date
        ("Mien vrouw is drie jaor geleje gestorve.", "drie"),  # a duration in dialect
    ],
)
def test_public_and_ordinary_words_stay(pseudonymizer, text, kept):
    assert kept in pseudonymizer.pseudonymize(text).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Ich bin Sjra, ich woen in Kerkraa.", "Sjra"),  # introduces himself
        ("Ze heet Patricia, maar iedereen zegt Pat.", "Pat"),
        ("De buren, Bèr en Trees, zien good veur mich.", "Bèr"),  # coordinated with a name
        ("vr avond. mo en ilias bij t voetbalveld gezien.", "ilias"),  # two first names in lowercase
        ("bij de skatebaan sjonnie en zn maat kevin gezien", "sjonnie"),  # diminutive of Sjon
        ("Mien mam, Wiel haer vrouw — Lies — wo zag ze alles.", "Lies"),  # also a hamlet
        ("Ich bin vieftig en ich woen hie al lang.", "vieftig"),  # a Limburgish number word
        ("Mien kleinzoon van zeventien kump elke week.", "zeventien"),
        ("Hij heeft twee kinderen (9 en 12).", "12"),
        ("Dhr. Bekkers, 44 jaar, alleenstaande vader.", "44"),
        ("Ich bin Zoë, 43 jaor, oet Born.", "43"),  # 'jaor': Limburgish for 'jaar'
        ("daan is nu 17 zegt ie.", "17"),
        ("De kinderen van basisschool De Speelhof komen langs.", "Speelhof"),  # lowercase kind
        ("Nu doe ik de opleiding bij Gilde Opleidingen.", "Gilde"),  # the kind after the name
        ("Het gezin krijgt hulp van Jeugdzorgpraktijk Samen Sterk.", "Samen Sterk"),
        ("Mien dochter wirk bij Zuyderland in de keuke.", "Zuyderland"),  # an employer (dialect)
        ("Hij werkt als magazijnmedewerker bij Intratuin.", "Intratuin"),
        ("[03-04-24, 10:02] Djenna v d Broek: ben er om 3 uur", "Broek"),  # who speaks in a chat
        ("Graag terugbellen voor vrijdag.\nJvdH\n", "JvdH"),  # initials that sign a note
        ("Aanvrager: dhr. P.J. (Piet) Smeets", "P.J."),  # initials after a title
        ("De buurvrouw kent de familie Oukili al jaren.", "Oukili"),
        ("sjors (15!!) was er ook weer", "15"),
        ("Hij werkt via uitzendbureau Werkpunt Zuid als inpakker.", "Werkpunt"),
        ("Het gezin is doorverwezen naar Jeugdhulp Samen Verder.", "Samen Verder"),
        ("Ze wonen nu aan de Molenstraat in Stramproy.", "Molenstraat"),  # also a hamlet's name
        ("Mijn buurjongen Tymon hielp mee. Tymon Kowalczyk is 23.", "Kowalczyk"),  # and his surname
        ("Kinderen: Yonas (12) en Hiwet (10). Yonas gaat naar de brugklas.", "Hiwet"),  # name (age)
        ("Aanwezig: Abrham Tesfay (vader) en de leerkracht.", "Tesfay"),  # name (role)
        ("Betrokkene: dhr. Servaas (\"Vaas\") Ruijters", "Vaas"),  # a nickname in quotes
        ("nieuw gezicht, noemt zichzelf \"Sniper\" lol", "Sniper"),
        ("ff in de gaten houden - dj (= Dejan) vroeg om eten", "dj"),  # an alias
        ("o.a. Kenzo en de Kapper (bijnaam, knipt iedereen).", "Kapper"),
        ("Ik ben Kelvin, 23. Hij zegt: \"Kelv, kom op tijd.\"", "Kelv"),  # a clipped name
        ("Bel de zoon, 040 - 2 51 77 43, voor vrijdag.", "2 51 77 43"),  # spaced phone number
        ("Medicatie gestopt sinds 1-7 en op 19-02 geweigerd.", "19-02"),  # dates with a dash
        ("logboek jw Hoensbroek 14-6\nrondje gedaan", "14-6"),  # descending: no score range
        ("Mijn zoon kan vertalen hij is 16 hij heeft woensdag vrij", "16"),  # no punctuation
        ("Het ging mis sinds ik twaalf was.", "twaalf"),
        ("Gisteren kwam haar buurman van 91 nog langs.", "91"),
        ("Een nieuw gezicht, ong 15-16, net verhuisd.", "16"),  # an age range
        ("Ze kaarten met vrouwen van vroeger, Lies Dohmen en Bertha.", "Lies"),  # before a surname
        ("Ze woont op de Kerkstraat 101 kamer 4 in Roermond.", "kamer 4"),
        ("Gebeld met Bewindvoerderskantoor Pelzer & Vos over de schulden.", "Pelzer"),
        ("Bewindvoerder: mr. S. Hanssen, Hanssen Bewind en Advies, Heerlen.", "Advies"),
        ("In de kerk, Evangelische Gemeente Elim, vind ik rust.", "Elim"),
        ("Hij werkt drie dagen bij Kringloop De Ruilhoek in Sittard.", "Ruilhoek"),
        ("Hij zat op het VISTA college voor monteur.", "VISTA"),
    ],
)
def test_unknown_people_ages_and_organisations_go(pseudonymizer, text, gone):
    assert gone not in pseudonymizer.pseudonymize(text).text


def test_surrogates_without_a_seed_are_those_of_seed_0_as_a_publication_makes_them():
    from verhalen.pseudonimisering import Pseudonymizer

    tekst = "Sandra de Vries belde op 06-12345678 met haar buurman."
    ids = [("naam", "Sandra de Vries"), ("telefoon", "06-12345678")]

    def surrogaat(**seed) -> str:
        return Pseudonymizer(dates="maand", use_deduce=False).pseudonymize(tekst, ids, style="surrogaat", **seed).text

    assert surrogaat() == surrogaat(seed=0) != surrogaat(seed=1)
    assert "Sandra" not in surrogaat() and "12345678" not in surrogaat()


def test_overlapping_detections_become_one_span_and_touching_ones_stay_apart():
    """One replacement per stretch of overlapping detections (nested, chained), labelled as the
    strongest of them (an e-mail address over the name in it); spans that only touch, with no
    character between them, are two identifiers and keep their own kinds."""
    from verhalen import herkenners as h
    from verhalen.pseudonimisering import _merge_overlapping

    text = "jan.smit@mail.nl Sittard06-12345678 en verder niets"
    found = [
        h.Detection(4, 8, h.PERSOON, text[4:8], "regel", None),  # 'smit', inside the address
        h.Detection(0, 16, h.EMAIL, text[0:16], "regel", None),
        h.Detection(17, 24, h.LOCATIE, text[17:24], "regel", None),  # 'Sittard', touching the phone
        h.Detection(24, 35, h.TELEFOON, text[24:35], "regel", None),
        h.Detection(39, 45, h.PERSOON, text[39:45], "regel", None),  # a chain: 39-45, 43-48, 47-51
        h.Detection(43, 48, h.LOCATIE, text[43:48], "regel", None),
        h.Detection(47, 51, h.ADRES, text[47:51], "regel", None),
    ]
    merged = _merge_overlapping(text, found)
    assert [(d.start, d.end, d.kind) for d in merged] == [
        (0, 16, h.EMAIL), (17, 24, h.LOCATIE), (24, 35, h.TELEFOON), (39, 51, h.ADRES),
    ]  # fmt: skip
    assert [d.text for d in merged] == ["jan.smit@mail.nl", "Sittard", "06-12345678", text[39:51]]


def test_an_unknown_style_is_refused_by_name():
    from verhalen.pseudonimisering import Pseudonymizer

    with pytest.raises(ValueError, match="^style moet 'labels' of 'surrogaat' zijn$"):
        Pseudonymizer(use_deduce=False).pseudonymize("Anna belde.", style="tags")
