"""The learned labeller of ages, organisations and names (verhalen/crf_herkenner.py): trained on the
development sets only, reproducible from them, and part of every pseudonymisation."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import pytest

from verhalen import crf_herkenner, herkenners
from verhalen.pseudonimisering import Pseudonymizer

GEREEDSCHAP = Path(__file__).with_name("evaluatie") / "gereedschap"
sys.path.insert(0, str(GEREEDSCHAP))
sys.path.insert(0, str(Path(__file__).parent))

import meet_evaluatie  # noqa: E402
import train_crf  # noqa: E402

# an age in a context no hand-written pattern knows ('nog steeds 72 is' in a question)
ONLY_LEARNED = "Klopt het dat hij nog steeds 72 is (geb. 19-04-1953)? In het systeem staat iets anders."


def test_trained_on_development_sets_only():
    assert set(train_crf.DEVELOPMENT).isdisjoint(meet_evaluatie.UNSEEN)
    assert set(train_crf.DEVELOPMENT) | set(meet_evaluatie.UNSEEN) == set(meet_evaluatie.HALVES)


@pytest.mark.traag
def test_shipped_model_is_what_the_development_sets_train(tmp_path):
    """Anyone can rebuild the model from the sets in the repository, byte for byte."""
    notes = [(n["tekst"], n["spans"]) for half in train_crf.DEVELOPMENT for n in meet_evaluatie.load(half)]
    crf_herkenner.train(notes, str(tmp_path / "model.crfsuite"))
    shipped = resources.files("verhalen.data").joinpath(crf_herkenner.MODEL).read_bytes()
    assert (tmp_path / "model.crfsuite").read_bytes() == shipped


def test_labels_follow_the_annotated_spans():
    text = "Noor (16) werkt bij Bakkerij Van Loon."
    toks = crf_herkenner.tokens(text)
    spans = [
        {"start": 6, "end": 8, "soort": "LEEFTIJD"},
        {"start": 20, "end": 37, "soort": "ORGANISATIE"},
        {"start": 0, "end": 4, "soort": "PERSOON"},
        {"start": 10, "end": 15, "soort": "DECOY"},  # not a kind of the labeller
    ]
    got = dict(zip((w for _, _, w in toks), crf_herkenner.labels(toks, spans), strict=True))
    assert got == {"Noor": "B-PER", "(": "O", "16": "B-AGE", ")": "O", "werkt": "O", "bij": "O",
                   "Bakkerij": "B-ORG", "Van": "I-ORG", "Loon": "I-ORG", ".": "O"}  # fmt: skip


def test_finds_an_age_the_patterns_miss():
    age = ONLY_LEARNED.index("72")
    assert not any(d.start <= age < d.end for d in herkenners.find_all(ONLY_LEARNED))
    found = crf_herkenner.find_learned(ONLY_LEARNED)
    assert [(d.start, d.end, d.text, d.kind, d.source) for d in found] == [
        (age, age + 2, "72", herkenners.LEEFTIJD, "geleerd")
    ]


def test_a_name_of_several_words_is_one_detection():
    text = "Hij speelt bij WVV 1920 in de A1."
    assert [d.text for d in crf_herkenner.find_learned(text)] == ["WVV 1920"]


def test_every_pseudonymisation_uses_it():
    out = Pseudonymizer(use_deduce=False).pseudonymize(ONLY_LEARNED).text
    assert "72" not in out and "[Leeftijd-1]" in out


def test_unsure_tokens_stay(monkeypatch):
    """Only what the labeller is sure of is replaced: at certainty 1 nothing is."""
    monkeypatch.setattr(crf_herkenner, "ZEKERHEID", 1.0 + 1e-9)
    assert crf_herkenner.find_learned(ONLY_LEARNED) == []
    assert crf_herkenner.find_learned("") == []


def test_a_learned_name_is_no_place_and_no_stray_letters():
    assert crf_herkenner._no_name("xq") and crf_herkenner._no_name("Sittard")  # no listed name; a place
    assert not crf_herkenner._no_name("mo") and not crf_herkenner._no_name("sjenna")
