"""Generate the labelled Dutch pseudonymisation corpus (deterministic, seed 2026).

    python tests/verhalen/corpus/maak_corpus.py      # writes corpus.jsonl next to this file

Every story is a fictional case note (keukentafelgesprek, schuldhulp, wijkteam,
jongerenwerk) built from templates. Identifiers are planted with their character offsets as
labels; everything is synthetic: BSNs pass the elfproef, IBANs have valid mod-97 check
digits, postcodes and streets are real ones of the region, names are common Dutch,
Moroccan, Turkish, Polish, Syrian and Surinamese names. The corpus deliberately contains
deduce's known weak spots: lowercase and misspelled names, names that are also words,
non-Dutch names, day-month dates without a year, phone numbers in many formats, IBANs,
postcodes without a space, ages in brackets.

Label kinds: client (the client's own name), naaste (relatives, passed as known identities),
persoon (other people: professionals, neighbours; not known), adres, postcode, woonplaats,
bsn, iban, telefoon, email, datum, datum_zonder_jaar, leeftijd, instelling.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

SEED = 2026
MIN_PER_KIND = 210
OUT = Path(__file__).with_name("corpus.jsonl")

KINDS = [
    "client", "naaste", "persoon", "adres", "postcode", "woonplaats", "bsn", "iban",
    "telefoon", "email", "datum", "datum_zonder_jaar", "leeftijd", "instelling",
]  # fmt: skip

FIRST_F = [
    "Maria", "Sandra", "Linda", "Fatima", "Samira", "Esra", "Ayşe", "Agnieszka", "Joanna",
    "Anouk", "Kim", "Petra", "Yvonne", "Chantal", "Nadia", "Rania", "Sharon", "Priscilla",
    "Marieke", "Ingrid", "Sevda", "Hanan", "Roos", "Lotte", "Bianca", "Monique", "Esther",
]  # fmt: skip
FIRST_M = [
    "Mohammed", "Yusuf", "Kevin", "Ruud", "Henk", "Jeroen", "Mehmet", "Krzysztof", "Piotr",
    "Ahmad", "Omar", "Dennis", "Patrick", "Marcel", "Jordy", "Rachid", "Hakan", "Roy",
    "Stefan", "Gerard", "Bram", "Tom", "Raymond", "Giovanni", "Milan", "Jamal", "Sven",
]  # fmt: skip
SURNAMES = [
    "Jansen", "Janssen", "Peeters", "Smeets", "Hendriks", "Willems", "Bakker", "de Vries",
    "van den Berg", "Kuijpers", "Vossen", "Coenen", "Lemmens", "Schreurs", "Gielen",
    "El Amrani", "Bouzid", "Öztürk", "Yilmaz", "Kowalski", "Nowak", "Wiśniewska", "Al-Hassan",
    "Haddad", "Pinas", "Sewdien", "Ramdin", "Moonen", "Houben", "Frissen", "de Wit", "Visser",
    "Brouwers", "Dassen", "Wolters", "Meijers", "Essers", "Crombach", "Vranken", "Delahaye",
]  # fmt: skip
RELATIONS = ["zoon", "dochter", "partner", "zus", "broer", "moeder", "vader", "ex-partner"]
PROFESSIONS = [
    "collega", "schuldhulpverlener", "jongerenwerker", "huisarts", "bewindvoerder",
    "buurtsportcoach", "casemanager", "wijkagent", "mentor", "buurman", "buurvrouw",
]  # fmt: skip

REGION = {
    "Brunssum": {
        "pc": range(6441, 6447), "net": "045",
        "streets": ["Rumpenerstraat", "Akerstraat", "Prins Hendriklaan", "Lindeplein", "Kerkstraat"],  # noqa: E501
    },
    "Weert": {
        "pc": range(6001, 6007), "net": "0495",
        "streets": ["Maasstraat", "Hoogstraat", "Ringbaan-Oost", "Wilhelminasingel", "Biest"],
    },
    "Sittard-Geleen": {
        "pc": range(6131, 6168), "net": "046",
        "streets": ["Limbrichterstraat", "Putstraat", "Rijksweg Zuid", "Mauritslaan", "Steenweg"],
    },
    "Roermond": {
        "pc": range(6041, 6046), "net": "0475",
        "streets": ["Swalmerstraat", "Godsweerderstraat", "Kapellerlaan", "Hamstraat", "Roerkade"],
    },
}  # fmt: skip
TOWNS = {
    "Brunssum": ["Brunssum", "Treebeek"],
    "Weert": ["Weert", "Stramproy", "Altweerterheide"],
    "Sittard-Geleen": ["Sittard", "Geleen", "Born", "Munstergeleen"],
    "Roermond": ["Roermond", "Herten", "Swalmen", "Asselt"],
}  # fmt: skip
GENERIC_STREETS = ["Schoolstraat", "Molenweg", "Beukenlaan", "Julianastraat", "Irenestraat"]
INSTITUTIONS = [
    "Zuyderland", "Laurentius Ziekenhuis", "SJG Weert", "Mondriaan", "Vincent van Gogh", "Xonar",
    "Veilig Thuis Limburg", "Kredietbank Limburg", "Wonen Limburg", "ZOwonen", "Woonpunt",
    "Partners in Welzijn", "Punt Welzijn", "Alcander", "MEE Zuid-Limburg", "Rubicon",
    "Maastricht UMC+", "VieCuri", "Voedselbank Roermond", "Stichting Leergeld Weert",
]  # fmt: skip
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip
MONTH_ABBR = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
# Misspellings must not turn a name into an ordinary word (that would be ambiguous for anyone).
NOT_A_NAME = {"willen", "bakken", "vissen", "jassen", "roos", "wit", "linde", "linden", "samen"}

HEADERS = {
    "keukentafelgesprek": "Verslag keukentafelgesprek {datum}",
    "schuldhulp": "Schuldhulpverlening – voortgangsnotitie {datum}",
    "wijkteam": "Wijkteam overleg {datum}",
    "jongerenwerk": "Jongerenwerk – notitie {datum}",
}
TEMPLATES = {
    "keukentafelgesprek": [
        "Gesprek bij {client} thuis aan de {adres}, {postcode} {woonplaats}.",
        "{client} ({leeftijd}) woont samen met haar {rel} {naaste}.",
        "Mevrouw gaf aan dat {naaste} sinds {datum_zonder_jaar} weer thuis woont.",
        "{client} vertelde dat het huishouden haar boven het hoofd groeit; {naaste} helpt soms.",
        "Er is een Wmo-aanvraag gedaan; de {prof} {persoon} neemt contact op.",
        "Volgende afspraak op {datum_zonder_jaar} om 10.00 uur bij {client} thuis.",
        "De zoon van {client} is {leeftijd} jaar en zit op school in {woonplaats}.",
        "Cliënt is bereikbaar op {telefoon} of via {email}.",
        "Ze heeft een indicatie bij {instelling} en krijgt thuiszorg.",
    ],
    "schuldhulp": [
        "{client} (BSN {bsn}) meldt zich met betalingsachterstanden bij de woningcorporatie.",
        "Huur wordt voortaan betaald vanaf rekening {iban} ten name van {client}.",
        "Aanmelding bij {instelling} verstuurd op {datum}; BSN {bsn} gecontroleerd.",
        "De {prof} {persoon} belde op {datum_zonder_jaar} over de beslaglegging.",
        "{client} is {leeftijd} jaar oud en heeft ongeveer 14 schuldeisers.",
        "Toeslagen worden gestort op {iban}; {naaste} beheert sinds {datum} de post.",
        "Contact via {telefoon}; mail naar {email} komt niet altijd aan.",
        "Budgetcoaching gestart, ZRM financiën nu 2. Evaluatie op {datum_zonder_jaar}.",
        "Adreswijziging doorgegeven: {adres}, {postcode} {woonplaats}.",
    ],
    "wijkteam": [
        "{client} en {naaste} zijn bekend bij het wijkteam sinds {datum}.",
        "Buurtbewoners melden overlast rond de {adres}; {client} voelt zich niet veilig.",
        "Overleg met {persoon} ({prof}) over de zorgen rond {naaste}.",
        "Melding gedaan bij {instelling} op {datum}.",
        "{client} heeft een nieuw telefoonnummer: {telefoon}.",
        "Huisbezoek gepland op {datum_zonder_jaar}; {client} woont op {postcode}.",
        "Er is een 0-meting ZRM gedaan, {client} scoort laag op huisvesting en financiën.",
        "Dossier {client}, geboren {datum}, BSN {bsn}.",
        "E-mail van {naaste} ontvangen via {email}.",
    ],
    "jongerenwerk": [
        "{client}, een {leeftijd}-jarige uit {woonplaats}, komt sinds {datum_zonder_jaar} naar de inloop.",  # noqa: E501
        "Samen met {persoon} ({prof}) gekeken naar een stageplek.",
        "{client} wil niet dat {naaste} ({rel}) iets hoort over de schorsing.",
        "Hij is te bereiken op {telefoon}; Instagram gebruikt hij niet meer.",
        "Afspraak bij {instelling} voor {client} op {datum}.",
        "Groepsactiviteit in het jongerencentrum; {client} en {persoon} waren erbij.",
        "Moeder {naaste} belde vanaf {telefoon} over de boete van 90 euro.",
        "{client} heeft een rekening geopend: {iban}.",
        "Zijn mailadres voor school is {email}.",
    ],
}  # fmt: skip
# Text that is not an identifier, for precision: numbers, years, amounts, scores, jargon.
DISTRACTORS = [
    "In 2024 en 2025 liep de huurachterstand op tot € 1.850.",
    "ZRM-score financiën ging van 2 naar 3 in 6 maanden.",
    "Al 3 jaar schulden; 12 schuldeisers, waarvan 4 met een betalingsregeling.",
    "Wmo-maatwerkvoorziening huishoudelijke ondersteuning, 3 uur per week.",
    "De bakker op de hoek laat haar soms gratis brood meenemen.",
    "Het gesprek duurde 45 minuten; het volgende gesprek is over 2 weken.",
    "Positieve Gezondheid: zingeving 6, kwaliteit van leven 5.",
    "Energietoeslag van 800 euro is aangevraagd via de gemeente.",
    "Zij werkt 24 uur per week in de schoonmaak.",
    "Er zijn 2 kinderen thuis en 1 hond.",
]


def elfproef_bsn(rng: random.Random) -> str:
    while True:
        ds = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        check = sum(d * w for d, w in zip(ds, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return "".join(map(str, ds + [check]))


def nl_iban(rng: random.Random) -> str:
    bank = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"])
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    numeric = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    return f"NL{98 - int(numeric) % 97:02d}{bank}{account}"


def misspell(rng: random.Random, name: str) -> str:
    """One edit that keeps the first letter: swap, double, drop or replace a letter."""
    for _ in range(20):
        i = rng.randint(1, len(name) - 2)
        op = rng.choice(["swap", "double", "drop", "vowel"])
        if op == "swap":
            out = name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        elif op == "double":
            out = name[:i] + name[i] + name[i:]
        elif op == "drop":
            out = name[:i] + name[i + 1 :]
        else:
            vowels = "aeiou"
            if name[i] not in vowels:
                continue
            out = name[:i] + rng.choice([v for v in vowels if v != name[i]]) + name[i + 1 :]
        if out != name and out.lower() not in NOT_A_NAME and " " not in out:
            return out
    return name


@dataclass
class Person:
    first: str
    last: str
    relation: str = ""

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Client:
    key: int
    gemeente: str
    person: Person
    relatives: list[Person]
    street: str
    number: str
    postcode: str
    town: str
    bsn: str
    iban: str
    phone: str
    email: str
    born: tuple[int, int, int]
    identities: list[tuple[str, str]] = field(default_factory=list)


def make_client(rng: random.Random, key: int) -> Client:
    gemeente = rng.choice(sorted(REGION))
    reg = REGION[gemeente]
    female = rng.random() < 0.55
    person = Person(rng.choice(FIRST_F if female else FIRST_M), rng.choice(SURNAMES))
    relatives = []
    for _ in range(rng.randint(1, 2)):
        rel = rng.choice(RELATIONS)
        last = person.last if rel in ("zoon", "dochter", "zus", "broer") else rng.choice(SURNAMES)
        relatives.append(Person(rng.choice(FIRST_F + FIRST_M), last, rel))
    street = rng.choice(reg["streets"] + GENERIC_STREETS[:2])
    number = str(rng.randint(1, 180)) + rng.choice(["", "", "", "a", "b"])
    letters = rng.choice("ABCDEGHJKLMNPRTVWXZ") + rng.choice("ABCDEGHJKLMNPRTVWXZ")
    postcode = f"{rng.choice(list(reg['pc']))} {letters}"
    phone = "06" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    local = rng.choice(
        [
            f"{person.first}.{person.last}",
            f"{person.first[0]}{person.last}",
            f"{person.first}{rng.randint(70, 99)}",
        ]
    )
    local = re.sub(r"[^A-Za-z0-9.]", "", _ascii(local)).lower()
    domain = rng.choice(['gmail.com', 'hotmail.com', 'ziggo.nl', 'kpnmail.nl', 'outlook.com'])
    email = f"{local}@{domain}"
    born = (rng.randint(1, 28), rng.randint(1, 12), rng.randint(1950, 2007))
    client = Client(
        key, gemeente, person, relatives, street, number, postcode, rng.choice(TOWNS[gemeente]),
        elfproef_bsn(rng), nl_iban(rng), phone, email, born,
    )  # fmt: skip
    client.identities = [
        ("voornaam", person.first), ("achternaam", person.last),
        *[("naaste", r.full) for r in relatives],
        ("adres", f"{street} {number}"), ("postcode", postcode), ("woonplaats", client.town),
        ("bsn", client.bsn), ("telefoon", phone), ("email", email),
        ("geboortedatum", f"{born[2]}-{born[1]:02d}-{born[0]:02d}"),
    ]  # fmt: skip
    return client


def _ascii(s: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def client_form(rng: random.Random, p: Person) -> str:
    options = [
        p.full, p.first, f"mevrouw {p.last}", f"meneer {p.last}", f"mw. {p.last}", f"dhr. {p.last}",
        p.first.lower(), p.last.lower(), f"{p.first[0]}. {p.last}", p.full.lower(),
    ]  # fmt: skip
    if len(p.first) >= 5:
        options.append(misspell(rng, p.first))
    last_word = p.last.split()[-1]
    if len(last_word) >= 5:
        options.append(p.last.replace(last_word, misspell(rng, last_word)))
    return rng.choice(options)


def relative_form(rng: random.Random, p: Person) -> str:
    return rng.choice([p.full, p.first, p.first, p.first.lower()])


def phone_form(rng: random.Random, client: Client, gemeente: str) -> str:
    if rng.random() < 0.6:
        n = client.phone
        return rng.choice([
            n, f"06-{n[2:]}", f"06 {n[2:]}", f"06 {n[2:6]} {n[6:]}",
            f"06 {n[2:4]} {n[4:6]} {n[6:8]} {n[8:]}", f"+31 6 {n[2:]}", f"+31 (0)6 {n[2:6]} {n[6:]}",  # noqa: E501
            f"+316-{n[2:]}", f"0031 6 {n[2:]}", f"06-{n[2:6]}.{n[6:]}",
        ])  # fmt: skip
    net = REGION[gemeente]["net"]
    rest = "".join(str(rng.randint(0, 9)) for _ in range(10 - len(net)))
    if len(net) == 3:
        return rng.choice([
            f"{net}-{rest}", f"{net} {rest[:3]} {rest[3:5]} {rest[5:]}", f"({net}) {rest}",
            f"+31 {net[1:]} {rest[:3]} {rest[3:]}",
        ])  # fmt: skip
    return rng.choice(
        [f"{net}-{rest}", f"{net} {rest[:2]} {rest[2:4]} {rest[4:]}", f"({net}) {rest}"]
    )


def email_form(rng: random.Random, client: Client) -> str:
    e = client.email
    return rng.choice([e, e, e.upper(), e.replace("@", " (at) "), e.replace("@", "[at]")])


def bsn_form(rng: random.Random, bsn: str) -> str:
    return rng.choice(
        [bsn, bsn, f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"]
    )


def iban_form(rng: random.Random, iban: str) -> str:
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return rng.choice([iban, spaced, spaced, iban.lower()])


def postcode_form(rng: random.Random, pc: str) -> str:
    return rng.choice([pc, pc, pc.replace(" ", ""), pc.lower()])


def address_form(rng: random.Random, client: Client) -> str:
    s = f"{client.street} {client.number}"
    return rng.choice([s, s, s.lower()])


def date_form(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2021, 2026)
    return rng.choice([
        f"{d} {MONTHS[m - 1]} {y}", f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d}/{m}/{y}",
        f"{y}-{m:02d}-{d:02d}", f"{d} {MONTH_ABBR[m - 1]} {y}", f"{d}-{m}-{str(y)[2:]}",
    ])  # fmt: skip


def day_month_form(rng: random.Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    return rng.choice([
        f"{d} {MONTHS[m - 1]}", f"{d} {MONTH_ABBR[m - 1]}", f"{d} {MONTH_ABBR[m - 1]}.",
        f"{rng.choice(DAYS)} {d} {MONTHS[m - 1]}", f"{d}e {MONTHS[m - 1]}",
    ])  # fmt: skip


def other_person(rng: random.Random) -> str:
    first, last = rng.choice(FIRST_F + FIRST_M), rng.choice(SURNAMES)
    return rng.choice(
        [f"{first} {last}", first, f"{first[0]}. {last}", first.lower(), f"{first} {last}"]
    )


def render(template: str, fill) -> tuple[str, list[list]]:
    """Fill {slot}s left to right; return the text and [start, end, kind, text] labels."""
    out, labels, pos = [], [], 0
    for part in re.split(r"(\{\w+\})", template):
        if part.startswith("{") and part.endswith("}"):
            value, kind = fill(part[1:-1])
            if kind is not None:
                labels.append([pos, pos + len(value), kind, value])
            out.append(value)
            pos += len(value)
        else:
            out.append(part)
            pos += len(part)
    return "".join(out), labels


def make_story(rng: random.Random, client: Client, setting: str, story_no: int) -> dict:
    relative = rng.choice(client.relatives)

    def fill(slot: str) -> tuple[str, str | None]:
        if slot == "client":
            return client_form(rng, client.person), "client"
        if slot == "naaste":
            return relative_form(rng, relative), "naaste"
        if slot == "rel":
            return relative.relation, None
        if slot == "prof":
            return rng.choice(PROFESSIONS), None
        if slot == "persoon":
            return other_person(rng), "persoon"
        if slot == "adres":
            return address_form(rng, client), "adres"
        if slot == "postcode":
            return postcode_form(rng, client.postcode), "postcode"
        if slot == "woonplaats":
            return client.town, "woonplaats"
        if slot == "bsn":
            return bsn_form(rng, client.bsn), "bsn"
        if slot == "iban":
            return iban_form(rng, client.iban), "iban"
        if slot == "telefoon":
            return phone_form(rng, client, client.gemeente), "telefoon"
        if slot == "email":
            return email_form(rng, client), "email"
        if slot == "datum":
            return date_form(rng), "datum"
        if slot == "datum_zonder_jaar":
            return day_month_form(rng), "datum_zonder_jaar"
        if slot == "leeftijd":
            return str(rng.randint(14, 88)), "leeftijd"
        if slot == "instelling":
            return rng.choice(INSTITUTIONS), "instelling"
        raise KeyError(slot)

    lines = [HEADERS[setting]] + rng.sample(TEMPLATES[setting], k=5) + rng.sample(DISTRACTORS, k=2)
    rng.shuffle(lines[1:])
    text, labels = "", []
    for i, line in enumerate(lines):
        sep = "\n" if i == 1 else ("" if i == 0 else " ")
        piece, piece_labels = render(line, fill)
        offset = len(text) + len(sep)
        text += sep + piece
        labels += [[s + offset, e + offset, k, v] for s, e, k, v in piece_labels]
    return {
        "verhaal_id": f"V{story_no:04d}", "soort": setting, "client_key": client.key,
        "identiteiten": [list(x) for x in client.identities], "tekst": text, "labels": labels,
    }  # fmt: skip


def generate(seed: int = SEED, min_per_kind: int = MIN_PER_KIND) -> list[dict]:
    rng = random.Random(seed)
    stories: list[dict] = []
    counts = dict.fromkeys(KINDS, 0)
    clients: list[Client] = []
    while min(counts.values()) < min_per_kind:
        if not clients or rng.random() < 0.4:
            clients.append(make_client(rng, len(clients) + 1))
        client = rng.choice(clients[-5:])
        story = make_story(rng, client, rng.choice(sorted(TEMPLATES)), len(stories) + 1)
        for label in story["labels"]:
            counts[label[2]] += 1
        stories.append(story)
    return stories


def write(path: Path = OUT) -> None:
    with path.open("w", encoding="utf-8") as f:
        for story in generate():
            f.write(json.dumps(story, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write()
    stories = [json.loads(line) for line in OUT.open(encoding="utf-8")]
    counts: dict[str, int] = {}
    for s in stories:
        for label in s["labels"]:
            counts[label[2]] = counts.get(label[2], 0) + 1
    print(f"{len(stories)} verhalen, {sum(counts.values())} identificatoren: {counts}")
