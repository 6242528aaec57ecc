"""Streets, with or without a house number."""

from __future__ import annotations

import re
from collections.abc import Iterable

from verhalen.herkenners.basis import ADRES, Detection, find_pattern, fold, phrase_pattern
from verhalen.herkenners.woorden import (
    RIVERS,
    common_words,
    is_place_name,
    public_folded,
    regional_streets,
    street_names,
)

_HOUSE_NUMBER = r"(?: \d{1,4}(?: ?[a-zA-Z](?![\w]))?(?:[ -]\d{1,3}(?!\d))?)?"
_GENERIC_STREET = re.compile(  # (the lookahead: only a word before a number can match)
    r"(?i)(?<![\w\-])(?=[\w\-']* \d)[a-zà-ÿ][\w\-']*(?:straat|weg|laan|plein|singel|gracht|dreef|hof|pad|steeg|"
    r"kade|markt|dijk|baan|veld|wal|(?<!e)ring|park|allee|hoven|erf|akker|donk)"
    r" \d{1,4}(?: ?[a-zA-Z](?![\w]))?(?![\w])"
)


_STREET_SUFFIX = (
    r"(?:straat|straot|stroat|steeg|laan|weg|plein|pleintje|singel|gracht|dreef|kade|dijk|markt|boulevard|"
    r"allee|hof|park|pad|baan|veld|wal|ring|erf|akker|donk|kamp|berg|dal|wei|weide|hoek|poort|"
    r"heuvel|broek|rade|straatje|gaard|hoven|tuin|lei|oord)"
)
_STRONG_SUFFIX = re.compile(
    r"(?i)(?:straat|straot|sjtraot|stroat|steeg|laan|plein|singel|gracht|dreef|boulevard|allee|straatje)$"
)
_STREET_PREFIX = (
    r"(?:Sint|St\.|Prins|Prinses|Koning|Koningin|Burgemeester|Burg\.|Dr\.|Dokter|Pastoor|"
    r"Kapelaan|Deken|Pater|Mgr\.|Monseigneur|Graaf|Gravin|Hertog|Jonkheer|Mr\.|Professor|Prof\.|"
    r"Generaal|Kardinaal|Paus|Oude|Oud|Nieuwe|Groote|Grote|Kleine|Lange|Korte|Hoge|Lage|Van|Jan|"
    r"Johannes|Willem|Pieter|Hendrik|Jacob|Onze|Lieve|Vrouwe|Heilige|Kerk|Hoofd)"
)
# a house number stays on the street's line: 'Guus: Top\n02-11 18:15' is a reply and a date
_HOUSE_NR = r"(?:[ \t\u00a0]\d{1,4}(?:[ \t]?[a-zA-Z](?![\w])|-[A-Za-z0-9]{1,3}(?![\w])|[ \t][A-Z]\d{1,3}(?![\w]))?(?:[ \t](?:bus|bis|kamer|app\.?|unit)[ \t]\d{1,4})?(?![\d,]\d))"
_CAP = r"[A-ZÀ-Ý][\w'’\-]*"
_STREET_WORD = re.compile(
    r"(?<![\w\-])(?P<name>(?:"
    + _STREET_PREFIX
    + r"[ \t](?:"
    + _CAP
    + r"[ \t])?)?"
    + r"[A-ZÀ-Ý][\w'’\-]*"
    + _STREET_SUFFIX
    + r")(?P<nr>"
    + _HOUSE_NR
    + r")?(?![\w])"
)
_STREET_AFTER_PREP = re.compile(
    r"(?i)\b(?:op|aan|in|naar|van|via|bij|langs|over|uit)\s+(?:de|het|'t)\s+"
    r"(?P<name>(?-i:(?:"
    + _STREET_PREFIX
    + r"[ \t])?(?:[A-ZÀ-Ý][\w'’\-]*[ \t])?)[\w'’\-]+)(?P<nr>"
    + _HOUSE_NR
    + r")?(?![\w])"
)
_LISTED_WITH_NUMBER = re.compile(
    r"(?<![\w\-])(?P<name>(?:" + _CAP + r"[ \t]){0,2}" + _CAP + r")(?P<nr>" + _HOUSE_NR + r")(?![\w])"
)


# street endings that wijken and hamlets share ('Malberg', 'Kerkveld', 'Vrieheide')
_PLACE_LIKE_END = re.compile(
    r"(?i)(?:berg|veld|heide|broek|rade|hoven|dal|bosch|bos|heuvel|kamp|hof|park|dorp|hoek|donk|akker)$"
)
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w])(?:de|het|'t)\s$")
_ON_THE = re.compile(r"(?i)(?<![\w])(?:aan|op)\s+de\s$")
_ANY_STREET_SUFFIX = re.compile(r"(?i)" + _STREET_SUFFIX + r"$")
_PLACE_PREPOSITION = re.compile(r"(?i)(?<![\w])(?:in|uit|naar|richting|rond)\s+$")


def find_streets(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """Street names with or without house number.

    * the regional street list (any case) and any 'Xstraat 12';
    * a capitalised word with a street ending ('Heidestraat', 'Prinses Irenestraat',
      'Sint Jansstraat 9-A'); weak endings (-hof, -park, -veld, ...) only when deduce's list of
      Dutch streets knows the name or a house number follows;
    * after 'op de', 'aan de', ...: a name in deduce's street list, in any case ('op de
      nieuwstraat', 'aan de Hamboskamp 2-48');
    * a name in deduce's street list followed by a house number.
    """
    names = tuple(streets) if streets is not None else regional_streets()
    found = find_pattern(phrase_pattern(names, _HOUSE_NUMBER), text, ADRES, "straat-regio") if names else []
    found += find_pattern(_GENERIC_STREET, text, ADRES, "straat-huisnummer")
    known = street_names()
    for m in _STREET_WORD.finditer(text):
        name = m.group("name")
        last = name.split()[-1]
        after_article = bool(_ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()))
        if fold(name) in public_folded():
            continue
        on_street = (
            after_article
            and _ON_THE.search(text, max(0, m.start() - 8), m.start())
            and _ANY_STREET_SUFFIX.search(last)
        )
        if is_place_name(name) and not ((_STRONG_SUFFIX.search(last) or on_street) and after_article):
            continue  # a village; but 'aan de Molenstraat', 'op de Groeneweg' is a street (also a hamlet's name)
        if (
            not m.group("nr")
            and not _STRONG_SUFFIX.search(last)
            and _PLACE_PREPOSITION.search(text[: m.start()])
        ):
            continue  # 'in Lindenheuvel', 'uit Kerkveld': a wijk or village (a street takes 'in de')
        if not (m.group("nr") or after_article) and _PLACE_LIKE_END.search(last):
            continue  # 'Maastricht-West / Malberg': a wijk; such a street without number takes 'de'
        if (
            _STRONG_SUFFIX.search(last)
            or m.group("nr")
            or on_street
            or fold(name) in known
            or fold(last) in known
        ):
            end = m.end() if m.group("nr") else m.end("name")
            found.append(Detection(m.start(), end, ADRES, text[m.start() : end], "straatnaam"))
    for pattern in (_STREET_AFTER_PREP, _LISTED_WITH_NUMBER):
        for m in pattern.finditer(text):
            name = m.group("name")
            folded = fold(name)
            strong = _STRONG_SUFFIX.search(name)
            if folded not in known or (is_place_name(name) and not strong) or folded in common_words():
                continue
            if name.islower() and not strong:
                continue  # 'op de markt', 'aan de dijk': ordinary nouns
            if not m.group("nr") and folded in RIVERS:
                continue  # 'aan de Maas, bij het kanaal': the river, though some town has a street of that name
            if pattern is _STREET_AFTER_PREP and not (m.group("nr") or _ANY_STREET_SUFFIX.search(name)):
                if fold(m.group().split()[0]) not in {"op", "aan"}:
                    continue  # 'bij de Kiosk', 'uit de Vrieheide': a place or a wijk; one lives 'op de' or 'aan de' a street
            start, end = m.start("name"), m.end()
            found.append(Detection(start, end, ADRES, text[start:end], "straat-bag"))
    return found
