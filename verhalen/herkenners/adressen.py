"""Streets, with or without a house number."""

from __future__ import annotations

import re
from collections.abc import Iterable

from verhalen.herkenners.basis import ADRES, Detection, find_pattern, fold, phrase_pattern
from verhalen.herkenners.woorden import (
    RIVERS,
    common_words,
    first_names_folded,
    is_place_name,
    public_folded,
    regional_streets,
    street_names,
    surnames_folded,
    zipf,
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
    r"heuvel|broek|rade|straatje|gaard|hoven|tuin|lei|oord|eind|brug|str(?:\.(?=[ \t]\d))?)"
)
_STRONG_SUFFIX = re.compile(
    r"(?i)(?:straat|straot|sjtraot|stroat|steeg|laan|plein|singel|gracht|dreef|boulevard|allee|straatje|str\.?)$"
)
_ADJECTIVES = r"(?:Oude|Nieuwe|Groote|Grote|Kleine|Lange|Korte|Hoge|Lage|Brede)"
_STREET_PREFIX = (
    r"(?:Sint|St\.|Prins|Pr\.|Prinses|Koning|Koningin|Burgemeester|Burg\.|Dr\.|Dokter|Pastoor|"
    r"Kapelaan|Deken|Pater|Mgr\.|Monseigneur|Graaf|Gravin|Hertog|Jonkheer|Mr\.|Professor|Prof\.|"
    r"Generaal|Kardinaal|Paus|Jhr\.|Jonkvrouw|Baron|Oud|" + _ADJECTIVES + r"|Van|Jan|"
    r"Johannes|Willem|Pieter|Hendrik|Jacob|Onze|Lieve|Vrouwe|Heilige|Kerk|Hoofd)"
)
# a house number stays on the street's line: 'Guus: Top\n02-11 18:15' is a reply and a date
_HOUSE_NR = r"(?:[ \t\u00a0](?:(?:nr\.?|nummer)[ \t]?)?\d{1,4}(?:[ \t]?[a-zA-Z](?![\w])|[-/][A-Za-z0-9]{1,3}(?![\w])|[ \t][A-Z]\d{1,3}(?![\w]))?(?:[ \t](?:bus|bis|kamer|app\.?|unit)[ \t]\d{1,4})?(?![\d,]\d))"
_CAP = r"[A-ZÀ-Ý][\w'’\-]*"
# the parts of a street's name before its last word: 'Jhr. Ruijs de Beerenbrouckstraat',
# 'Kardinaal van Rossumstraat'; a part that is not a title must be rare ('Bezoek van Kerkstraat')
_PARTICLES = r"(?:(?:van|de|der|den|het|ter|ten|la|le)[ \t]){1,2}"
# 'Akerstraat Noord', 'Rijksweg Centrum 12'
_QUARTER = r"(?:[ \t](?:Noord|Zuid|Oost|West|Centrum))?"
_STREET_WORD = re.compile(
    r"(?<![\w\-])(?P<name>(?P<head>(?:"
    + _STREET_PREFIX
    + r"[ \t](?:"
    + _CAP
    + r"[ \t])?"
    + r"|(?P<rare>"
    + _CAP
    + r")[ \t](?="
    + _PARTICLES
    + r"))"
    + r"(?:"
    + _PARTICLES
    + r")?)?"
    + r"(?P<core>[A-ZÀ-Ý][\w'’\-]*"
    + _STREET_SUFFIX
    + r"|"
    + _ADJECTIVES
    + r"[ \t](?:Straat|Weg|Laan|Markt|Gracht|Singel|Dijk|Kade|Steeg))"
    + _QUARTER
    + r")(?P<nr>"
    + _HOUSE_NR
    + r")?(?![\w])"
)
_STREET_AFTER_PREP = re.compile(
    r"(?i)\b(?:op|aan|in|naar|van|via|bij|langs|over|uit)\s+(?:de|het|'t)\s+"
    r"(?P<name>(?-i:(?:"
    + _STREET_PREFIX
    + r"[ \t])?(?:[A-ZÀ-Ý][\w'’\-]*[ \t](?=[A-ZÀ-Ý]))?)[\w'’\-]+)(?P<nr>"
    + _HOUSE_NR
    + r")?(?![\w])"
)
# streets named with a preposition ('Op de Bies', 'In de Cramer'); 'aan de Markt' (the square)
_PREPOSITION_NAMED = re.compile(
    r"(?<![\w\-])(?P<name>(?:Op|In|Aan|Achter|Over|Onder|Boven|Langs)[ \t](?:de|den|het|'t)[ \t]"
    r"(?P<word>[A-ZÀ-Ý][\w'’\-]+))(?P<nr>" + _HOUSE_NR + r")?(?![\w])"
)
_WHERE_BEFORE = re.compile(
    r"(?i)(?:(?<![\w])(?:op|aan|de|in|bij|van|vanaf|via|langs|richting|woont|woon|wonen|verhuisd)|,)[ \t]$"
)
# a rare word of the street list in lowercase after a preposition: 'via de heigank', 'langs
# pancratiusplein', 'op de kloosterstr nr 9' (quick notes write streets so)
_RARE_LOWER_STREET = re.compile(
    r"(?<![\w])(?:op|aan|in|naar|via|langs|achter|bij|over|uit|vanaf|richting)[ \t]+(?:(?:de|het|'t)[ \t]+)?"
    r"(?P<name>[a-zà-ÿ][a-zà-ÿ\-]{3,}(?:\.(?=[ \t]\d))?)(?P<nr>" + _HOUSE_NR + r")?(?![\w])"
)
_ABBREVIATED = re.compile(r"str\.?$")
_MARKET = re.compile(r"(?<=\baan de )Markt(?![\w])")
_LISTED_WITH_NUMBER = re.compile(
    r"(?<![\w\-])(?P<name>(?:" + _CAP + r"[ \t]){0,2}" + _CAP + r")(?P<nr>" + _HOUSE_NR + r")(?![\w])"
)


# street endings that wijken and hamlets share ('Malberg', 'Kerkveld', 'Vrieheide')
_PLACE_LIKE_END = re.compile(
    r"(?i)(?:berg|veld|heide|broek|rade|hoven|dal|bosch|bos|heuvel|kamp|hof|park|dorp|hoek|donk|akker|eind)$"
)
_RARE_STREET = 2.0  # Zipf: below it, a word in the street list is hardly ever anything but a street
_COMMON = 3.5  # Zipf: from here on, the word after 'Aan de' is an ordinary word ('Aan de Slag')
_RARE = 3.0  # Zipf: below it, a capitalised word before 'de'/'van' is part of a street's name
# an adjective between the article and the street ('de Domaniale Mijnstraat', 'de Lange Kerkstraat')
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w])(?:[Dd]e|het) ([A-ZÀ-Ý][a-zà-ÿ]+e) $")
_ARTICLE_BEFORE = re.compile(r"(?i)(?<![\w])(?:de|het|'t)\s$")
_ON_THE = re.compile(r"(?i)(?<![\w])(?:(?:aan|op)\s+de|(?:in|op)\s+het)\s$")
# 'achter de Nijsweg', 'langs de Rijksweg': a street, when its ending is not one that wijken share
_NEAR_THE = re.compile(r"(?i)(?<![\w])(?:achter|langs|naast|tegenover|voorbij|via|over|bij)\s+de\s$")
_ANY_STREET_SUFFIX = re.compile(r"(?i)" + _STREET_SUFFIX + r"$")
# how a place or wijk is named, not a street ('in Lindenheuvel', 'oet de Kemp'; a street takes 'in de'
# only with a street's ending)
PLACE_PREPOSITION = re.compile(r"(?i)(?<![\w])(?:in|uit|oet|naar|nao|richting|rond)\s+$")


def _part_of_street_name(word: str) -> bool:
    """'Ruys' in 'Ruys de Beerenbroucklaan', 'Tiny' in 'Tiny van Meurslaan'; not 'Bezoek'."""
    if word in common_words():
        return False
    return zipf(word) < _RARE or word in first_names_folded() or word in surnames_folded()


def find_streets(text: str, streets: Iterable[str] | None = None) -> list[Detection]:
    """Street names with or without house number.

    * the regional street list (any case) and any 'Xstraat 12';
    * a capitalised word with a street ending ('Heidestraat', 'Prinses Irenestraat',
      'Sint Jansstraat 9-A', 'Kerkstr. 12'), with particles, a title or an adjective in its name
      ('Kardinaal van Rossumstraat', 'de Domaniale Mijnstraat') and a quarter after it
      ('Akerstraat Noord'); weak endings (-hof, -park, -veld, ...) only when deduce's list of
      Dutch streets knows the name, a house number follows, or one lives 'aan de' or 'op de' it;
    * after 'op de', 'aan de', ...: a name in deduce's street list ('aan de Hamboskamp 2-48',
      'in de Gats'), in lowercase when it has a strong ending ('op de nieuwstraat') or is rare
      as a word ('via de heigank', 'langs pancratiusplein');
    * a street named with a preposition ('Op de Bies 14', 'woont In de Cramer') and 'aan de Markt';
    * a name in deduce's street list followed by a house number ('nr 9', '112/3').
    """
    names = tuple(streets) if streets is not None else regional_streets()
    found = find_pattern(phrase_pattern(names, _HOUSE_NUMBER), text, ADRES, "straat-regio") if names else []
    found += find_pattern(_GENERIC_STREET, text, ADRES, "straat-huisnummer")
    known = street_names()
    for m in _STREET_WORD.finditer(text):
        start = m.start()
        rare = m.group("rare")
        if rare and not _part_of_street_name(fold(rare)):
            start = m.start("core")  # 'Bezoek van Kerkstraat': only the street
        adjective = _ADJECTIVE_BEFORE.search(text, max(0, start - 30), start)
        if adjective and start == m.start():
            start = adjective.start(1)  # 'op de Domaniale Mijnstraat'
        name = text[start : m.end("name")]
        last = m.group("core").split()[-1]
        after_article = bool(_ARTICLE_BEFORE.search(text, max(0, start - 5), start))
        if fold(name) in public_folded():
            continue
        on_street = (
            after_article
            and _ANY_STREET_SUFFIX.search(last)
            and (
                _ON_THE.search(text, max(0, start - 8), start)
                or (_NEAR_THE.search(text, max(0, start - 14), start) and not _PLACE_LIKE_END.search(last))
            )
        )
        if is_place_name(name) and not ((_STRONG_SUFFIX.search(last) or on_street) and after_article):
            continue  # a village; but 'aan de Molenstraat', 'op de Groeneweg' is a street (also a hamlet's name)
        if (
            not m.group("nr")
            and not _STRONG_SUFFIX.search(last)
            and PLACE_PREPOSITION.search(text[:start])
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
            found.append(Detection(start, end, ADRES, text[start:end], "straatnaam"))
    for pattern in (_STREET_AFTER_PREP, _LISTED_WITH_NUMBER):
        for m in pattern.finditer(text):
            name = m.group("name")
            folded = fold(name)
            strong = _STRONG_SUFFIX.search(name)
            if _unabbreviated(folded) not in known or (is_place_name(name) and not strong) or folded in common_words():
                continue
            if name.islower() and not strong:
                continue  # 'op de markt', 'aan de dijk': ordinary nouns (a rare word: _RARE_LOWER_STREET)
            if not m.group("nr") and folded in RIVERS:
                continue  # 'aan de Maas, bij het kanaal': the river, though some town has a street of that name
            if pattern is _STREET_AFTER_PREP and not (m.group("nr") or _ANY_STREET_SUFFIX.search(name)):
                preposition = fold(m.group().split()[0])
                if preposition not in {"op", "aan"} and not (preposition == "in" and zipf(folded) < _RARE_STREET):
                    continue  # 'bij de Kiosk', 'uit de Vrieheide': a place or a wijk; one lives 'op de', 'aan de' or 'in de Gats'
            start, end = m.start("name"), m.end()
            found.append(Detection(start, end, ADRES, text[start:end], "straat-bag"))
    for m in _PREPOSITION_NAMED.finditer(text):
        word = fold(m.group("word"))
        ordinary = zipf(word) >= _COMMON or word in common_words() or is_place_name(word)
        if m.group("nr") or (_WHERE_BEFORE.search(text, max(0, m.start() - 10), m.start()) and not ordinary):
            found.append(Detection(m.start(), m.end(), ADRES, m.group(), "straat-voorzetsel"))
    found += find_pattern(_MARKET, text, ADRES, "straat-markt")
    for m in _RARE_LOWER_STREET.finditer(text):
        folded = fold(m.group("name"))
        if (
            _unabbreviated(folded) in known
            and zipf(folded) < _RARE_STREET
            and not (folded in first_names_folded() or folded in common_words() or folded in RIVERS)
            and not is_place_name(folded)
        ):
            found.append(Detection(m.start("name"), m.end(), ADRES, text[m.start("name") : m.end()], "straat-klein"))
    return found


def _unabbreviated(folded: str) -> str:
    return _ABBREVIATED.sub("straat", folded)
