"""What each importable table looks like: its columns, their types, and an example row.

One declaration per kind drives the template (`impact sjabloon`), validation and import
(`impact importeer`) and export (`impact exporteer`), so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from impact.contract import (
    AUTEUR_ROLLEN,
    DATABANKEN,
    ERKENNING,
    FINANCIERS,
    IDENTITEIT_SOORTEN,
    TOESTEMMINGEN,
    VERHAAL_SOORTEN,
    VROEGSIGNALEN,
    VROEGSIGNALERING_STAPPEN,
)


@dataclass(frozen=True)
class Column:
    """One column of an import file.

    ``kind`` is one of text, int, number, date, choice, client (a pseudonym that must exist),
    interventie (a name that must exist).
    """

    name: str
    kind: str = "text"
    required: bool = True
    help: str = ""
    example: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    default: str | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # what makes a row a duplicate, within the file and against the database
    description: str = ""
    extra: dict = field(default_factory=dict)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "clienten",
            "client",
            (
                Column(
                    "pseudoniem", help="eigen code van de cliënt; nooit een naam of BSN", example="C000123"
                ),
                Column("geboortejaar", "int", False, "jaartal", "1984", minimum=1900),
                Column("gemeente", required=False, example="Weert"),
                Column("wijk", required=False, example="Fatima"),
                Column(
                    "groep", required=False, help="bijv. interventie of vergelijking", example="interventie"
                ),
                Column("cohort", required=False, example="2024"),
                Column(
                    "organisatie", required=False, help="naam van de organisatie", example="Wijkteam Weert"
                ),
            ),
            key=("pseudoniem",),
            description="Cliënten, met een pseudoniem: nooit een naam of BSN.",
        ),
        Kind(
            "interventies",
            "interventie",
            (
                Column("naam", example="Schuldhulpverlening"),
                Column(
                    "databank_erkenning",
                    "choice",
                    False,
                    "niveau in het erkenningstraject; leeg als onbekend",
                    "goed onderbouwd",
                    choices=ERKENNING,
                ),
                Column(
                    "databank",
                    "choice",
                    False,
                    "de databank van de erkenning: " + "; ".join(f"{k} ({v})" for k, v in DATABANKEN.items()),
                    "Movisie",
                    choices=tuple(DATABANKEN),
                ),
                Column("doelgroep", required=False, example="huishoudens met problematische schulden"),
                Column("omschrijving", required=False, example="Integrale schuldhulp met budgetcoaching."),
            ),
            key=("naam",),
        ),
        Kind(
            "trajecten",
            "traject",
            (
                Column("client", "client", help="pseudoniem van de cliënt", example="C000123"),
                Column(
                    "interventie",
                    "interventie",
                    help="naam van de interventie",
                    example="Schuldhulpverlening",
                ),
                Column("start", "date", example="2024-02-01"),
                Column("eind", "date", False, "leeg als het traject nog loopt", "2024-11-30"),
                Column("uitstroomreden", required=False, example="doelen bereikt"),
            ),
            key=("client", "interventie", "start"),
        ),
        Kind(
            "metingen",
            "meting",
            (
                Column("client", "client", help="pseudoniem van de cliënt", example="C000123"),
                Column("instrument", help="code van het instrument, bijv. ZRM of PG", example="ZRM"),
                Column("domein", help="code van het domein, bijv. financien", example="financien"),
                Column("datum", "date", example="2024-02-01"),
                Column("score", "number", help="op de schaal van het instrument", example="2"),
                Column(
                    "bron",
                    required=False,
                    help="wie scoorde: professional, client, ...",
                    example="professional",
                    default="professional",
                ),
            ),
            key=("client", "instrument", "domein", "datum", "bron"),
        ),
        Kind(
            "gebeurtenissen",
            "gebeurtenis",
            (
                Column("client", "client", help="pseudoniem van de cliënt", example="C000123"),
                Column("datum", "date", example="2024-03-15"),
                Column(
                    "soort",
                    help=(
                        "bijv. betalingsachterstand, uithuiszetting, werk_gevonden. Vroegsignalering: het "
                        "signaal van een vastelastenpartner is "
                        + ", ".join(f"{s} ({a})" for s, a in VROEGSIGNALEN.items())
                        + "; de stappen daarna zijn "
                        + ", ".join(VROEGSIGNALERING_STAPPEN)
                        + ". Een stap hoort bij het laatste signaal van dezelfde cliënt op of voor die datum."
                    ),
                    example="signaal_huurachterstand",
                ),
                Column("omschrijving", required=False, example="Woningcorporatie meldt een huurachterstand."),
            ),
            key=("client", "datum", "soort"),
            description=(
                "Gebeurtenissen in het leven van een cliënt, met datum en soort; ook de signalen en "
                "stappen van de vroegsignalering van betalingsachterstanden."
            ),
        ),
        Kind(
            "verhalen",
            "verhaal",
            (
                Column("titel", required=False, example="Weer rust in de brievenbus"),
                Column("tekst", help="de tekst van het verhaal", example="Na drie gesprekken ..."),
                Column("soort", "choice", example="casusnotitie", choices=VERHAAL_SOORTEN),
                Column("datum", "date", False, example="2024-05-10"),
                Column("auteur_rol", "choice", False, example="professional", choices=AUTEUR_ROLLEN),
                Column("client", "client", False, "pseudoniem, leeg voor een wijkverhaal", "C000123"),
                Column("gemeente", required=False, example="Weert"),
                Column("wijk", required=False, example="Fatima"),
                Column("interventie", "interventie", False, example="Schuldhulpverlening"),
                Column(
                    "toestemming",
                    "choice",
                    help="wat met het verhaal mag",
                    example="intern",
                    choices=TOESTEMMINGEN,
                ),
            ),
            key=("tekst", "datum", "client"),
        ),
        Kind(
            "identiteiten",
            "client_identiteit",
            (
                Column("client", "client", help="pseudoniem van de cliënt", example="C000123"),
                Column("soort", "choice", example="naam", choices=IDENTITEIT_SOORTEN),
                Column(
                    "waarde",
                    help="blijft in de database; alleen voor pseudonimiseren",
                    example="Anna de Vries",
                ),
            ),
            key=("client", "soort", "waarde"),
            description="Bekende identiteiten van cliënten, alleen om verhalen te pseudonimiseren.",
        ),
        Kind(
            "prijslijst",
            "prijslijst",
            (
                Column("item", example="Contact maatschappelijk werk"),
                Column("omschrijving", required=False, example="per contact"),
                Column("eenheid", example="keer"),
                Column("prijs", "number", help="in euro's, in het prijsjaar", example="127,00", minimum=0),
                Column("prijsjaar", "int", example="2022", minimum=1990, maximum=2100),
                Column(
                    "financier",
                    "choice",
                    help="wie betaalt of wie de baat heeft",
                    example="gemeente",
                    choices=FINANCIERS,
                ),
                Column("domein", help="bijv. welzijn, zorg, wonen", example="welzijn"),
                Column("bron", help="waar de prijs vandaan komt", example="Kostenhandleiding 2024"),
                Column("betrouwbaarheid", required=False, help="A, B, C of P", example="A"),
            ),
            key=("item",),
        ),
    )
}

# Optional price-list columns the cost-benefit models use and the database does not keep.
PRIJSLIJST_EXTRA = (
    Column("prijs_min", "number", False, "ondergrens van de prijs", minimum=0),
    Column("prijs_max", "number", False, "bovengrens van de prijs", minimum=0),
    Column("type", required=False, help="bronwaarde, afgeleid of proxy"),
    Column("opmerking", required=False),
    Column("bron_id", "int", False, "nummer van de bron"),
)
