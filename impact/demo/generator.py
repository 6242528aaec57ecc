"""``generate()``: the whole demo world from one seed, in memory."""

from __future__ import annotations

import numpy as np
import pandas as pd

from impact.contract import SYNTHETISCH
from impact.demo import verloop
from impact.demo.personen import make_people
from impact.demo.regio import load_region, sample_wijken
from impact.demo.world import DemoWorld

# Erkenning level and databank are illustrative for the demo, not the real status of any
# intervention in the databanks of Movisie, NJi or Loket Gezond Leven.
INTERVENTIES = [
    ("Schuldhulpverlening", "goed onderbouwd", "Movisie",
     "Huishoudens met problematische schulden",
     "Integrale schuldhulp: stabiliseren, budgetbeheer, een minnelijke schuldregeling via de "
     "gemeentelijke kredietbank en nazorg."),
    ("Wijkteam-ondersteuning", "niet beoordeeld", None,
     "Inwoners met vragen op meerdere leefgebieden",
     "Generalistische ondersteuning door het sociaal wijkteam: één plan, één regisseur, "
     "samen met het netwerk van de inwoner."),
    ("Jongerenwerk", "goed beschreven", "NJi",
     "Jongeren van 14 tot 24 jaar",
     "Ambulant en outreachend jongerenwerk: contact op straat en in het jongerencentrum, "
     "begeleiding naar school, werk en vrije tijd."),
    ("Stress-sensitief werken", "effectief volgens eerste aanwijzingen", "Movisie",
     "Huishoudens met langdurige stress door geldzorgen",
     "Werkwijze die rekening houdt met het effect van chronische stress op denken en doen: "
     "weinig regels tegelijk, rust in het contact, eerst de grootste stressbron aanpakken."),
    ("Vroegsignalering betalingsachterstanden", "goed beschreven", "Movisie",
     "Huishoudens met een beginnende betalingsachterstand",
     "Woningcorporatie, energieleverancier, zorgverzekeraar en drinkwaterbedrijf melden "
     "achterstanden; een medewerker gaat binnen enkele dagen op huisbezoek."),
    ("Gebruikelijke zorg", None, None,
     "Vergelijkingsgroep",
     "Reguliere hulp zoals die in de gemeente gebruikelijk is (loket, huisarts, regulier "
     "maatschappelijk werk), zonder de onderzochte interventie."),
]
GEBRUIKELIJKE_ZORG = 6

EVENT_TEXT = {
    "betalingsachterstand": [
        "Huurachterstand gemeld door de woningcorporatie",
        "Achterstand zorgpremie gemeld door de zorgverzekeraar",
        "Achterstand energierekening gemeld via vroegsignalering",
        "Achterstand drinkwaterrekening gemeld",
    ],
    "dreigende_uithuiszetting": [
        "Aanzegging ontruiming door de verhuurder",
        "Dagvaarding huurachterstand ontvangen",
        "Woningcorporatie kondigt ontruimingsprocedure aan",
    ],
    "uithuiszetting": [
        "Woning ontruimd; tijdelijk opgevangen door familie",
        "Uithuiszetting uitgevoerd; tijdelijk in de maatschappelijke opvang",
    ],
    "schuldregeling_gestart": [
        "Minnelijke schuldregeling gestart via de gemeentelijke kredietbank",
        "Schuldregeling (saneringskrediet) gestart",
        "Minnelijk traject gestart; budgetbeheer loopt",
    ],
    "werk_gevonden": [
        "Betaald werk gevonden (parttime)",
        "Aan het werk via een uitzendbureau",
        "Vaste baan gevonden",
        "Gestart met werk via een werkervaringsplek met contract",
    ],
    "opleiding_gestart": [
        "Gestart met een mbo-opleiding (BBL)",
        "Weer naar school: entreeopleiding gestart",
        "Gestart met een mbo-opleiding",
    ],
    "opname": [
        "Opgenomen in een ggz-kliniek",
        "Crisisopname ggz",
        "Ziekenhuisopname",
    ],
    "politiecontact": [
        "Contact met politie na een incident op straat",
        "Halt-afdoening na een winkeldiefstal",
        "Aanhouding; zaak naar de officier van justitie",
    ],
    "melding_huiselijk_geweld": [
        "Melding bij Veilig Thuis",
        "Politie bij huiselijke ruzie; melding Veilig Thuis",
    ],
    "terugval_middelengebruik": [
        "Terugval in cannabisgebruik",
        "Terugval in alcoholgebruik",
        "Terugval in gebruik; verwezen naar verslavingszorg",
    ],
}


def _dates(x: np.ndarray) -> np.ndarray:
    return np.asarray(x, dtype="datetime64[D]").astype("datetime64[ns]")


def _streams(seed: int, k: int) -> list[np.random.Generator]:
    """Independent generators per stage, all from the one seed, so that enriching one stage
    (e.g. the texts) does not change the numbers of another."""
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(k)]


def generate(seed: int = 2026, n_clients: int = 2000) -> DemoWorld:
    """Build the synthetic demo region deterministically from ``seed``.

    Every client has one traject: the intervention group (75%) one of the five interventions,
    the comparison group (groep "vergelijking", 25%) a traject "gebruikelijke zorg" with the
    same spread of problem profiles, so that every client has a start date to measure from.
    """
    if n_clients < 1:
        raise ValueError("n_clients moet minstens 1 zijn")
    (rng_course, rng_place, rng_people, rng_events, rng_text, rng_self, rng_vroeg,
     rng_code) = _streams(seed, 8)
    n = n_clients
    region = load_region()
    course = verloop.simulate(rng_course, n)
    gemeente, wijk = sample_wijken(rng_place, n)
    vrouw_kans = np.where(course.profiel == verloop.JONGERE, 0.45, 0.58)
    people = make_people(
        rng_people, gemeente, wijk, course.geboortejaar, course.leeftijd, vrouw_kans
    )

    client_id = np.arange(1, n + 1)
    gemeenten = np.array(region.gemeenten, dtype=object)
    wijken = np.array(region.wijken, dtype=object)
    organisaties = pd.DataFrame(
        {"organisatie_id": np.arange(1, len(region.organisaties) + 1),
         "naam": [naam + SYNTHETISCH for naam in region.organisaties]}
    )
    clienten = pd.DataFrame({
        "client_id": client_id,
        "pseudoniem": [f"C{i:06d}" for i in client_id],
        "organisatie_id": gemeente + 1,
        "geboortejaar": course.geboortejaar.astype(np.int64),
        "gemeente": gemeenten[gemeente],
        "wijk": wijken[wijk],
        "groep": np.where(course.interventie_groep, "interventie", "vergelijking").astype(object),
        "cohort": course.start.astype("datetime64[Y]").astype(str).astype(object),
    })
    interventies = pd.DataFrame(
        INTERVENTIES, columns=["naam", "databank_erkenning", "databank", "doelgroep", "omschrijving"]
    )
    interventies.insert(0, "interventie_id", np.arange(1, len(INTERVENTIES) + 1))

    interventie_id = np.where(course.interventie_groep, course.profiel + 1, GEBRUIKELIJKE_ZORG)
    names = np.array([row[0] for row in INTERVENTIES], dtype=object)
    trajecten = pd.DataFrame({
        "traject_id": client_id,
        "client_id": client_id,
        "interventie_id": interventie_id,
        "interventie": names[interventie_id - 1],
        "start": _dates(course.start),
        "eind": _dates(course.eind),
        "uitstroomreden": course.uitstroomreden,
    })

    domains = np.array(verloop.DOMAINS, dtype=object)
    m = course.m_client.size
    metingen = pd.DataFrame({
        "client_id": course.m_client + 1,
        "instrument": np.full(m, "ZRM", dtype=object),
        "domein": domains[course.m_domain],
        "datum": _dates(course.m_date),
        "score": course.m_score.astype(float),
        "bron": np.full(m, "professional", dtype=object),
    })

    ev_c, ev_date, ev_kind = verloop.events(course)
    pick = rng_events.integers(0, 12, ev_c.size)
    omschrijving = np.array(
        [EVENT_TEXT[k][p % len(EVENT_TEXT[k])] for k, p in zip(ev_kind, pick, strict=True)],
        dtype=object,
    )
    order = np.lexsort((ev_date, ev_c))
    gebeurtenissen = pd.DataFrame({
        "client_id": ev_c[order] + 1,
        "datum": _dates(ev_date[order]),
        "soort": ev_kind[order],
        "omschrijving": omschrijving[order],
    })

    from impact.demo.codering import codes_frame, two_coders
    from impact.demo.teksten import identities, stories
    from impact.demo.vroegsignalering import signal_events
    from impact.demo.zelfscores import self_scores

    identiteiten = identities(people, client_id)
    verhalen, bedoelingen, registers, segmenten = stories(
        rng_text, course, people, gemeente, wijk, ev_c, ev_date, ev_kind
    )
    metingen = pd.concat([metingen, self_scores(rng_self, course)], ignore_index=True)
    signalen = signal_events(rng_vroeg, course, interventie_id)
    alle_gebeurtenissen = (
        pd.concat([gebeurtenissen, signalen], ignore_index=True)
        .sort_values(["client_id", "datum"], kind="stable", ignore_index=True)
    )
    world = DemoWorld(
        organisaties=organisaties, clienten=clienten, identiteiten=identiteiten,
        interventies=interventies, trajecten=trajecten, metingen=metingen,
        gebeurtenissen=alle_gebeurtenissen, verhalen=verhalen,
        codes=codes_frame(), coderingen=two_coders(rng_code, verhalen, segmenten),
        bedoelingen=bedoelingen, registers=registers,
    )
    from impact.demo.casussen import generate_cases

    # the cases follow the life events, not the vroegsignalering funnel steps
    world.casussen = generate_cases(clienten, trajecten, gebeurtenissen, seed, n=20)
    return world
