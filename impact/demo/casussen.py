"""About twenty believable Effectencalculator cases for the demo world.

Each case follows one demo client of an intervention with a case approach (schuldhulp,
wijkteam, vroegsignalering, stress-sensitief werken): the intervention scenario holds the
support given and the client's recorded life events; the reference scenario holds what the
session estimated would have happened otherwise, with probabilities and ranges. Every case
carries a case story (casusbeschrijving) in the usual Dutch style, using the pseudonym only.
The documents use the format of ``modellen.kostenbaten.casus`` and price items of the
default price list. The numbers are illustrative, not findings.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

INTERVENTIES = {
    "Schuldhulpverlening": {"uren": (25, 45), "vrijwilliger": (20, 60), "maanden": 9},
    "Wijkteam-ondersteuning": {"uren": (30, 60), "begeleiding": (20, 40), "maanden": 8},
    "Vroegsignalering betalingsachterstanden": {"uren": (6, 14), "maanden": 3},
    "Stress-sensitief werken": {"uren": (20, 40), "maanden": 6},
}
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

# what a recorded event costs in the scenario where it happened (item, low, high)
GEVOLGEN = {
    "uithuiszetting": [
        ("huisuitzetting_verhuurder", 1, 1),
        ("maatschappelijke_opvang_jaar", 0.1, 0.5),
    ],
    "opname": [("ggz_verpleegdag", 7, 21)],
    "politiecontact": [("politie_uur", 2, 6)],
    "melding_huiselijk_geweld": [("politie_uur", 3, 6), ("uitvoering_jeugdhulp_beschikking", 1, 1)],
    "terugval_middelengebruik": [("sggz_contact", 4, 10)],
    "dreigende_uithuiszetting": [("sociaal_werker_uur", 2, 6)],
}
ZINNEN = {
    "betalingsachterstand": "kwam er een melding van een betalingsachterstand",
    "dreigende_uithuiszetting": "dreigde een uithuiszetting",
    "uithuiszetting": "volgde toch een uithuiszetting",
    "schuldregeling_gestart": "startte de schuldregeling",
    "werk_gevonden": "vond de cliënt (parttime) werk",
    "opleiding_gestart": "begon de cliënt aan een opleiding",
    "opname": "volgde een opname in de GGZ",
    "politiecontact": "was er contact met de politie",
    "melding_huiselijk_geweld": "kwam er een melding van huiselijk geweld",
    "terugval_middelengebruik": "was er een terugval in middelengebruik",
}


def _datum(x) -> dt.date:
    return pd.Timestamp(x).date()


def _lang(d: dt.date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def _maand(d: dt.date) -> str:
    return f"{MAANDEN[d.month - 1]} {d.year}"


def _plus(d: dt.date, dagen: int) -> dt.date:
    return d + dt.timedelta(days=int(dagen))


def _rond(x: float, stap: float = 1) -> float:
    return float(round(x / stap) * stap)


def generate_cases(
    clienten: pd.DataFrame,
    trajecten: pd.DataFrame,
    gebeurtenissen: pd.DataFrame,
    seed: int,
    n: int = 20,
) -> list[dict]:
    """Case documents (the ``inhoud`` of the ``casussen`` table) for up to ``n`` demo clients."""
    rng = np.random.default_rng([seed, 5])
    kandidaten = trajecten.loc[trajecten["interventie"].isin(INTERVENTIES)].merge(
        clienten[["client_id", "pseudoniem", "gemeente", "wijk", "geboortejaar", "groep"]],
        on="client_id",
    )
    kandidaten = kandidaten.loc[kandidaten["groep"] == "interventie"]
    met_events = set(gebeurtenissen["client_id"])
    kandidaten = kandidaten.loc[kandidaten["client_id"].isin(met_events)].sort_values("client_id")
    if kandidaten.empty:
        return []
    # spread over the interventions, deterministic given the seed
    per_interventie = [g for _, g in kandidaten.groupby("interventie", sort=True)]
    gekozen = []
    while len(gekozen) < n and any(len(g) for g in per_interventie):
        for i, groep in enumerate(per_interventie):
            if len(gekozen) >= n or not len(groep):
                continue
            j = int(rng.integers(0, len(groep)))
            gekozen.append(groep.iloc[j])
            per_interventie[i] = groep.drop(groep.index[j])
    events = gebeurtenissen.sort_values(["client_id", "datum"])
    return [
        _case(rij, events.loc[events["client_id"] == rij["client_id"]], rng, k + 1)
        for k, rij in enumerate(gekozen)
    ]


def _case(rij: pd.Series, events: pd.DataFrame, rng: np.random.Generator, nummer: int) -> dict:
    naam_interventie = rij["interventie"]
    spec = INTERVENTIES[naam_interventie]
    start = _datum(rij["start"])
    eind_traject = None if pd.isna(rij["eind"]) else _datum(rij["eind"])
    eind = min(
        eind_traject or _plus(start, 30 * spec["maanden"]), _plus(start, 30 * spec["maanden"])
    )
    eind = max(eind, _plus(start, 28))
    uren = _rond(rng.uniform(*spec["uren"]))
    interventie: dict = {
        "activiteiten": [
            {
                "omschrijving": f"begeleiding {naam_interventie.lower()}",
                "item": "sociaal_werker_uur",
                "aantal": uren,
                "start": start.isoformat(),
                "eind": eind.isoformat(),
            }
        ],
        "gebeurtenissen": [],
    }
    if "vrijwilliger" in spec:
        laag, hoog = spec["vrijwilliger"]
        interventie["activiteiten"].append(
            {
                "omschrijving": "vrijwilliger thuisadministratie",
                "item": "vrijwilliger_uur",
                "aantal": [laag, hoog],
                "start": _plus(start, 30).isoformat(),
                "eind": eind.isoformat(),
            }
        )
    if "begeleiding" in spec:
        interventie["activiteiten"].append(
            {
                "omschrijving": "ambulante begeleiding thuis",
                "item": "begeleiding_thuis_uur",
                "aantal": _rond(rng.uniform(*spec["begeleiding"])),
                "start": _plus(start, 14).isoformat(),
                "eind": eind.isoformat(),
            }
        )
    referentie: dict = {
        "activiteiten": [
            {
                "omschrijving": "huisartsconsulten door stress",
                "item": "huisartsconsult",
                "aantal": [3, 8],
                "start": start.isoformat(),
                "eind": _plus(start, 364).isoformat(),
            },
            {
                "omschrijving": "regulier maatschappelijk werk (oude werkwijze)",
                "item": "maatschappelijk_werk_contact",
                "aantal": int(rng.integers(3, 7)),
                "start": start.isoformat(),
                "eind": _plus(start, 180).isoformat(),
            },
        ],
        "gebeurtenissen": [],
    }

    zinnen, soorten = [], set()
    for ev in events.itertuples():
        datum = _datum(ev.datum)
        if datum < _plus(start, -180):
            continue
        soorten.add(ev.soort)
        zinnen.append((datum, ev.soort))
        gevolgen = [
            {"item": item, "aantal": _rond(rng.uniform(lo, hi), 0.05) if hi != lo else lo}
            for item, lo, hi in GEVOLGEN.get(ev.soort, [])
        ]
        interventie["gebeurtenissen"].append(
            {"omschrijving": str(ev.omschrijving), "datum": datum.isoformat(), "gevolgen": gevolgen}
        )
        if ev.soort in ("opname", "melding_huiselijk_geweld", "terugval_middelengebruik"):
            # would have happened without the approach as well, probably sooner
            referentie["gebeurtenissen"].append(
                {
                    "omschrijving": f"{ev.soort.replace('_', ' ')} (ook zonder aanpak)",
                    "datum": _plus(datum, -30).isoformat(),
                    "kans": 0.8,
                    "gevolgen": gevolgen,
                }
            )

    kans_uitzetting = None
    if (
        soorten & {"betalingsachterstand", "dreigende_uithuiszetting"}
        and "uithuiszetting" not in soorten
    ):
        kans_uitzetting = float(np.round(rng.uniform(0.25, 0.6), 2))
        eerste = min(
            d for d, s in zinnen if s in ("betalingsachterstand", "dreigende_uithuiszetting")
        )
        referentie["gebeurtenissen"].append(
            {
                "omschrijving": "uithuiszetting",
                "datum": _plus(eerste, 120).isoformat(),
                "kans": kans_uitzetting,
                "gevolgen": [
                    {"item": "huisuitzetting_verhuurder", "aantal": 1},
                    {
                        "item": "maatschappelijke_opvang_jaar",
                        "aantal": {"min": 0.1, "max": 0.5, "waarde": 0.25},
                        "toelichting": "één tot zes maanden opvang, ingeschat op drie",
                    },
                ],
            }
        )
    kans_bijstand = None
    if "werk_gevonden" in soorten:
        kans_bijstand = float(np.round(rng.uniform(0.3, 0.6), 2))
        werk = min(d for d, s in zinnen if s == "werk_gevonden")
        referentie["gebeurtenissen"].append(
            {
                "omschrijving": "blijft afhankelijk van de bijstand",
                "start": werk.isoformat(),
                "eind": _plus(werk, 364).isoformat(),
                "kans": kans_bijstand,
                "gevolgen": [
                    {"item": "bijstandsuitkering_jaar", "aantal": 1},
                    {"item": "uitvoering_bijstand_jaar", "aantal": 1},
                ],
            }
        )
    if "politiecontact" in soorten:
        referentie["gebeurtenissen"].append(
            {
                "omschrijving": "herhaald politiecontact",
                "datum": _plus(start, 200).isoformat(),
                "kans": 0.4,
                "gevolgen": [{"item": "politie_uur", "aantal": [4, 12]}],
            }
        )

    pseudoniem = str(rij["pseudoniem"])
    verhaal = _story(
        rij, naam_interventie, start, uren, sorted(zinnen), kans_uitzetting, kans_bijstand
    )
    return {
        "naam": f"Casus {nummer:02d} {pseudoniem} ({naam_interventie})",
        "client": pseudoniem,
        "client_id": int(rij["client_id"]),
        "interventie": naam_interventie,
        "prijsjaar": 2024,
        "peildatum": start.isoformat(),
        "verhaal": verhaal,
        "scenarios": {"interventie": interventie, "referentie": referentie},
    }


def _story(rij, interventie, start, uren, zinnen, kans_uitzetting, kans_bijstand) -> str:
    leeftijd = start.year - int(rij["geboortejaar"]) if pd.notna(rij["geboortejaar"]) else None
    wie = f"{rij['pseudoniem']} ({leeftijd} jaar)" if leeftijd else str(rij["pseudoniem"])
    delen = [
        f"{wie}, wonend in {rij['wijk']} ({rij['gemeente']}), werd in {_maand(start)} aangemeld "
        f"bij {interventie.lower()}."
    ]
    if zinnen:
        loop = "; ".join(
            f"op {_lang(d)} {ZINNEN.get(s, s.replace('_', ' '))}" for d, s in zinnen[:5]
        )
        delen.append(f"Tijdlijn: {loop}.")
    delen.append(
        f"De professional besteedde naar schatting {int(uren)} uur aan gesprekken, "
        "huisbezoeken en afstemming met schuldeisers en andere hulpverleners."
    )
    referentie = []
    if kans_uitzetting is not None:
        referentie.append(
            f"een kans van {round(kans_uitzetting * 100)}% op een uithuiszetting, met daarna "
            "enkele maanden opvang"
        )
    if kans_bijstand is not None:
        referentie.append(
            f"een kans van {round(kans_bijstand * 100)}% dat de cliënt nog een jaar in de "
            "bijstand was gebleven"
        )
    referentie.append("meer huisartsbezoeken door stress en regulier maatschappelijk werk")
    delen.append(
        "In de casussessie schatten de betrokken professionals in wat er zonder deze aanpak "
        "was gebeurd: " + "; ".join(referentie) + "."
    )
    delen.append(
        "Deze inschatting is hypothetisch en geldt voor deze ene casus; zij zegt op zichzelf "
        "niets over de aanpak als geheel."
    )
    return " ".join(delen)
