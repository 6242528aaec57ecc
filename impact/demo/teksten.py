"""Dutch narratives for the demo world, consistent with each client's figures.

Every story is assembled from sentence fragments (``data/fragmenten.yaml``) chosen per
situation: the intake note names the client's lowest ZRM domains with their real scores, a
note dated at a keerpunt or relapse tells what happened, evaluations quote the actual change
between intake and the last measurement, and client stories follow the same course. The fake
personal data in the texts (names, relatives, addresses, BSN, phone, e-mail, birth date) are
exactly the values in ``identiteiten``. Wijkverhalen carry no personal data.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
import yaml

from impact.demo import verloop
from impact.demo.personen import People
from impact.demo.regio import DATA, load_region
from impact.opmaak import Opmaak

VERHAAL_COLUMNS = [
    "verhaal_id", "titel", "tekst", "soort", "datum", "auteur_rol", "client_id", "gemeente",
    "wijk", "interventie_id", "toestemming",
]
DOMAIN_TEXT = [
    "financiën", "werk en opleiding", "tijdsbesteding", "huisvesting", "huiselijke relaties",
    "geestelijke gezondheid", "lichamelijke gezondheid", "middelengebruik", "basale ADL",
    "instrumentele ADL", "sociaal netwerk", "maatschappelijke participatie", "justitie",
]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
CONSENT = np.array(["intern", "geanonimiseerd_publiceren", "publiceren_met_bron"], dtype=object)
CONSENT_P = {
    "casusnotitie": [0.8, 0.17, 0.03],
    "clientverhaal": [0.3, 0.5, 0.2],
    "msc_verhaal": [0.2, 0.5, 0.3],
    "wijkverhaal": [0.1, 0.4, 0.5],
}
PEIL = int(verloop.PEILDATUM.astype(np.int64))  # day number of the peildatum
HULP = {1: "mijn schuldhulpverlener", 2: "het wijkteam", 3: "de jongerenwerker",
        4: "mijn begeleider", 5: "de mensen van de vroegsignalering", 6: "mijn hulpverlener"}


@cache
def load_fragments() -> dict:
    return yaml.safe_load((DATA / "fragmenten.yaml").read_text(encoding="utf-8"))


def identities(people: People, client_id: np.ndarray) -> pd.DataFrame:
    """Every fake identifier of every client, one row per (client, soort, waarde)."""
    parts = []
    for soort, values in (
        ("voornaam", people.voornaam), ("achternaam", people.achternaam),
        ("achternaam", _alone_forms(people.achternaam)), ("naam", people.naam),
        ("naaste", people.naaste), ("adres", people.adres), ("postcode", people.postcode),
        ("woonplaats", people.woonplaats), ("bsn", people.bsn), ("telefoon", people.mobiel),
        ("telefoon", people.vast), ("email", people.email),
        ("geboortedatum", people.geboortedatum),
    ):
        present = values != ""
        parts.append(pd.DataFrame({
            "client_id": client_id[present],
            "soort": soort,
            "waarde": values[present],
        }))
    out = pd.concat(parts, ignore_index=True)
    out = out.sort_values(["client_id"], kind="stable", ignore_index=True)
    out["soort"] = out["soort"].astype(object).astype("str")
    out["waarde"] = out["waarde"].astype(object).astype("str")
    return out


def surname_alone(achternaam: str) -> str:
    """Dutch spelling: the tussenvoegsel gets a capital when no first name precedes it
    ("meneer Van der Heijden", but "Jan van der Heijden")."""
    return achternaam[0].upper() + achternaam[1:]


def _alone_forms(achternamen: np.ndarray) -> np.ndarray:
    """The capitalised form where it differs from the registered surname, else ""."""
    return np.array(
        [surname_alone(a) if a[0].islower() else "" for a in achternamen], dtype=object
    )


def story_frame(records: dict[str, list]) -> pd.DataFrame:
    """The verhalen table with the contract's dtypes (ids 1-based, nullable client/interventie)."""
    n = len(records["tekst"])
    return pd.DataFrame({
        "verhaal_id": np.arange(1, n + 1, dtype=np.int64),
        "titel": pd.array(records["titel"], dtype="str"),
        "tekst": pd.array(records["tekst"], dtype="str"),
        "soort": pd.array(records["soort"], dtype="str"),
        "datum": np.asarray(records["datum"], dtype=np.int64)
        .astype("datetime64[D]").astype("datetime64[ns]"),
        "auteur_rol": pd.array(records["auteur_rol"], dtype="str"),
        "client_id": pd.array(records["client_id"], dtype="Int64"),
        "gemeente": pd.array(records["gemeente"], dtype="str"),
        "wijk": pd.array(records["wijk"], dtype="str"),
        "interventie_id": pd.array(records["interventie_id"], dtype="Int64"),
        "toestemming": pd.array(records["toestemming"], dtype="str"),
    })


def dutch_date(day: np.datetime64) -> str:
    y, m, d = (int(x) for x in str(day).split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def euro(amount: int) -> str:
    return Opmaak("nl").geld(amount)


class _Picker:
    """Cheap deterministic choices from one pre-drawn block of random integers."""

    def __init__(self, rng: np.random.Generator, size: int = 1 << 16):
        self._block = rng.integers(0, 1 << 30, size).tolist()
        self._u = (rng.random(size)).tolist()
        self._i = 0
        self._j = 0

    def pick(self, options: list):
        self._i = (self._i + 1) % len(self._block)
        return options[self._block[self._i] % len(options)]

    def uniform(self) -> float:
        self._j = (self._j + 1) % len(self._u)
        return self._u[self._j]

    def chance(self, p: float) -> bool:
        return self.uniform() < p

    def int(self, low: int, high: int) -> int:
        self._i = (self._i + 1) % len(self._block)
        return low + self._block[self._i] % (high - low + 1)


def _score_before(course: verloop.Course, t: np.ndarray, domain: np.ndarray) -> np.ndarray:
    """Per client: the last observed score on ``domain[c]`` strictly before month ``t[c]``
    (nan when there is none). Rows in the course are sorted by client and time."""
    c = course.m_client
    sel = (course.m_domain == domain[c]) & (course.m_t < t[c])
    out = np.full(t.size, np.nan)
    idx = np.flatnonzero(sel)
    out[c[idx]] = course.m_score[idx]  # later rows overwrite earlier ones: last one wins
    return out


def stories(
    rng: np.random.Generator,
    course: verloop.Course,
    people: People,
    gemeente: np.ndarray,
    wijk: np.ndarray,
    ev_c: np.ndarray,
    ev_date: np.ndarray,
    ev_kind: np.ndarray,
) -> pd.DataFrame:
    fr = load_fragments()
    region = load_region()
    P = _Picker(rng)
    n = course.profiel.size
    rec: dict[str, list] = {c: [] for c in VERHAAL_COLUMNS if c != "verhaal_id"}

    def add(titel, tekst, soort, datum, rol, cid, g, w, iid) -> None:
        rec["titel"].append(titel)
        rec["tekst"].append(tekst)
        rec["soort"].append(soort)
        rec["datum"].append(min(datum, PEIL))
        rec["auteur_rol"].append(rol)
        rec["client_id"].append(cid)
        rec["gemeente"].append(g)
        rec["wijk"].append(w)
        rec["interventie_id"].append(iid)
        consent_p = CONSENT_P[soort]
        u = P.uniform()
        rec["toestemming"].append(
            CONSENT[0] if u < consent_p[0] else CONSENT[1] if u < consent_p[0] + consent_p[1]
            else CONSENT[2]
        )

    interventie_id = np.where(course.interventie_groep, course.profiel + 1, 6)
    change = course.laatste - course.intake
    mean_change = change.mean(axis=1)
    trend = np.where(
        mean_change > 0.25, "beter", np.where(mean_change < -0.15, "slechter", "gelijk")
    )
    best = np.argmax(change, axis=1)
    worst = np.argmin(change, axis=1)
    lowest_now = np.argmin(course.laatste, axis=1)
    order_intake = np.argsort(course.intake, axis=1, kind="stable")
    mode_intake = (course.intake[:, :, None] == np.arange(1, 6)).sum(axis=1).argmax(axis=1) + 1
    schuld = (np.exp(rng.normal(9.4, 0.7, n)) // 100 * 100).astype(int)
    schuldeisers = rng.integers(3, 19, n)
    kp_domain = verloop.KIND_DOMAIN[np.maximum(course.keerpunt, 0)]
    kp_before = _score_before(course, np.nan_to_num(course.keerpunt_t, nan=-1.0), kp_domain)
    tv_domain = verloop.KIND_DOMAIN[np.maximum(course.terugval, 0)]
    tv_before = _score_before(course, np.nan_to_num(course.terugval_t, nan=-1.0), tv_domain)
    # dates as int day numbers (None = none) and per-client facts as lists: fast in the loop
    start_np = course.start.astype(np.int64)
    start = start_np.tolist()
    last_date = (start_np + np.rint(course.laatste_t * verloop.MONTH).astype(np.int64)).tolist()
    eind = [None if e != e else int(e) for e in
            np.where(course.loopt, np.nan, course.eind.astype(np.int64))]
    keerpunt_l, terugval_l = course.keerpunt.tolist(), course.terugval.tolist()

    # event dates per client for the kinds that get their own note (only those that happened)
    kp_date: list[int | None] = [None] * n
    tv_date: list[int | None] = [None] * n
    uz_date: list[int | None] = [None] * n
    ev_days = np.asarray(ev_date, dtype="datetime64[D]").astype(np.int64).tolist()
    for i, kind, day in zip(np.asarray(ev_c).tolist(), ev_kind.tolist(), ev_days, strict=True):
        if keerpunt_l[i] >= 0 and kind == verloop.KIND_NAMES[keerpunt_l[i]]:
            kp_date[i] = day
        relapse = terugval_l[i] >= 0 and kind == verloop.KIND_NAMES[terugval_l[i]]
        if relapse and day > start[i]:
            tv_date[i] = day
        if kind == "uithuiszetting":
            uz_date[i] = day
    intake_l, laatste_l = course.intake.astype(int).tolist(), course.laatste.astype(int).tolist()
    order_l = order_intake.tolist()
    mode_l = mode_intake.tolist()
    profiel_l, iid_l = course.profiel.tolist(), interventie_id.tolist()
    leeftijd_l, soort_l = course.leeftijd.tolist(), course.soort.tolist()
    loopt_l = course.loopt.tolist()
    laatste_t_l, groep_l = course.laatste_t.tolist(), course.interventie_groep.tolist()
    trend_l, best_l, worst_l = trend.tolist(), best.tolist(), worst.tolist()
    low_l = lowest_now.tolist()
    kp_before_l, tv_before_l = kp_before.tolist(), tv_before.tolist()
    tv_domain_l = tv_domain.tolist()
    gemeente_l, wijk_l = gemeente.tolist(), wijk.tolist()
    schuld_l, schuldeisers_l = schuld.tolist(), schuldeisers.tolist()
    pp = {k: getattr(people, k).tolist() for k in (
        "vrouw", "voornaam", "achternaam", "naam", "relatie", "naaste", "adres", "postcode",
        "woonplaats", "bsn", "mobiel", "vast", "email", "geboortedatum")}

    gemeenten = region.gemeenten
    wijken = region.wijken
    corporaties = region.corporaties
    intake_fr = fr["intake"]
    werk_opts = fr["vullers"]["werk"]
    opl_opts = fr["vullers"]["opleiding"]

    for i in range(n):
        g_name, w_name = gemeenten[gemeente_l[i]], wijken[wijk_l[i]]
        cid, iid, prof = i + 1, iid_l[i], profiel_l[i]
        vrouw = pp["vrouw"][i]
        young = leeftijd_l[i] < 24
        zij, haar, hem = ("zij", "haar", "haar") if vrouw else ("hij", "zijn", "hem")
        achternaam = pp["achternaam"][i]
        alone = surname_alone(achternaam)
        aanhef = pp["voornaam"][i] if young else (
            f"mevrouw {alone}" if vrouw else f"meneer {alone}"
        )
        rel, naaste = pp["relatie"][i], pp["naaste"][i]
        if rel:
            naaste_lang = f"{haar} {rel} {naaste}"
            mijn = f"mijn {rel} {naaste}"
            naaste_kort = f"{haar} {rel}"
        else:
            naaste_lang, mijn, naaste_kort = "een buurvrouw", "mijn buurvrouw", "een buurvrouw"
        phone = pp["mobiel"][i] if (not pp["vast"][i] or P.chance(0.7)) else pp["vast"][i]
        ctx = {
            "naam": pp["naam"][i], "voornaam": pp["voornaam"][i], "achternaam": achternaam,
            "geboortedatum": pp["geboortedatum"][i], "adres": pp["adres"][i],
            "postcode": pp["postcode"][i], "woonplaats": pp["woonplaats"][i],
            "wijk": w_name, "gemeente": g_name, "zij": zij, "Zij": zij.capitalize(),
            "haar": haar, "haar_obj": hem, "aanhef": aanhef,
            "Aanhef": aanhef[0].upper() + aanhef[1:],
            "naaste": naaste, "relatie": rel, "naaste_lang": naaste_lang,
            "Naaste_hoofd": naaste_lang[0].upper() + naaste_lang[1:],
            "naaste_kort": naaste_kort, "naaste_of_kennis": naaste_lang if rel else "een kennis",
            "mijn_naaste": mijn, "Mijn_naaste": mijn[0].upper() + mijn[1:],
            "corporatie": corporaties[gemeente_l[i]], "schuld": euro(schuld_l[i]),
            "schuldeisers": schuldeisers_l[i], "telefoon": phone, "email": pp["email"][i],
            "bsn": pp["bsn"][i], "leeftijd": leeftijd_l[i], "mijn_hulp": HULP[iid],
            "opleiding": P.pick(opl_opts),
        }
        ctx["werk"] = P.pick(werk_opts).format(**ctx)

        def f(options: list[str]) -> str:
            return P.pick(options).format(**ctx)  # noqa: B023 - ctx is the current client's

        # 1. intake note, always
        parts = [f(intake_fr["opening"])]
        if P.chance(0.3):
            parts.append(f(intake_fr["geboren"]))
        parts.append(f(intake_fr["plek_adres"] if P.chance(0.7) else intake_fr["plek_anders"]))
        text = ["".join(parts) + ".", f(intake_fr["aanmelding"][prof])]
        own_intake, own_last = intake_l[i], laatste_l[i]
        low = [d for d in order_l[i][:3] if own_intake[d] <= 2][:2]
        if low:
            text += [f(intake_fr["probleem"][verloop.DOMAINS[d]]) for d in low]
        else:
            text.append(f(intake_fr["geen_probleem"]))
        d1, d2 = order_l[i][0], order_l[i][1]
        ctx.update(d1=DOMAIN_TEXT[d1], s1=own_intake[d1], d2=DOMAIN_TEXT[d2],
                   s2=own_intake[d2], s_rest=f"overwegend {mode_l[i]}")
        text.append(f(intake_fr["zrm"]))
        if rel and P.chance(0.6):
            text.append(f(intake_fr["naaste"]))
        if P.chance(0.6):
            text.append(f(intake_fr["contact_tel"]))
        if P.chance(0.3):
            text.append(f(intake_fr["contact_mail"]))
        if P.chance(0.35):
            text.append(f(intake_fr["bsn"]))
        text.append(f(intake_fr["afspraak"][iid]))
        day = start[i] + P.int(0, 3)
        add(P.pick(intake_fr["titel"]), " ".join(text), "casusnotitie", day, "professional",
            cid, g_name, w_name, iid)

        # 2. keerpunt note, dated near the event that caused the jump
        if kp_date[i] is not None:
            kind = verloop.KIND_NAMES[keerpunt_l[i]]
            kf = fr["keerpunt"][kind]
            before = kp_before_l[i]
            ctx["voor"] = int(before) if before == before else "onbekend"
            text = [f(kf["kern"]), f(kf["effect"])]
            if rel and P.chance(0.3):
                text.append(f"{ctx['Naaste_hoofd']} was er ook bij.")
            text.append(f(kf["cijfers"]))
            if P.chance(0.2):
                text.append(f"Volgende afspraak telefonisch via {phone}.")
            add(P.pick(kf["titel"]), " ".join(text), "casusnotitie",
                kp_date[i] + P.int(0, 7), "professional", cid, g_name,
                w_name, iid)

        # 3. relapse note
        if tv_date[i] is not None:
            tf = fr["terugval"]
            kind = verloop.KIND_NAMES[terugval_l[i]]
            before = tv_before_l[i]
            ctx.update(d=DOMAIN_TEXT[tv_domain_l[i]],
                       voor=int(before) if before == before else "onbekend")
            text = [f(tf[kind]), f(tf["reactie"]), f(tf["cijfers"])]
            add(P.pick(tf["titel"]), " ".join(t for t in text if t), "casusnotitie",
                tv_date[i] + P.int(0, 10), "professional", cid, g_name,
                w_name, iid)

        if uz_date[i] is not None:
            uf = fr["uithuiszetting"]
            add(P.pick(uf["titel"]), f(uf["kern"]) + " " + f(uf["vervolg"]), "casusnotitie",
                uz_date[i] + P.int(0, 3), "professional", cid, g_name,
                w_name, iid)

        # 4. drop-out note, or an evaluation quoting the real change
        reden = course.uitstroomreden[i]
        if soort_l[i] == verloop.UITVAL and not loopt_l[i]:
            uf = fr["uitval"]
            add(P.pick(uf["titel"]), f(uf[reden]) + " " + f(uf["slot"]), "casusnotitie",
                eind[i], "professional", cid, g_name, w_name, iid)
        elif laatste_t_l[i] > 3 and P.chance(0.5):
            ef = fr["evaluatie"]
            tr = trend_l[i]
            d = {"beter": best_l[i], "slechter": worst_l[i], "gelijk": low_l[i]}[tr]
            ctx.update(d=DOMAIN_TEXT[d], a=own_intake[d], b=own_last[d],
                       reden=reden)
            text = [f(ef[tr])]
            if reden is not None and eind[i] <= last_date[i]:
                text.append(f(ef["afgesloten"]))
            text.append(f(ef["slot_" + tr]))
            add(P.pick(ef["titel"]), " ".join(t for t in text if t), "casusnotitie",
                last_date[i], "professional", cid, g_name, w_name, iid)

        # 5. client stories (some written by the relative) and MSC stories
        if laatste_t_l[i] >= 5 and P.chance(0.3):
            day = last_date[i] + P.int(0, 30)
            tr = trend_l[i]
            if rel and P.chance(0.2):
                nf = fr["naasteverhaal"]
                text = [f(nf["opening"]), f(nf[tr]), f(nf["slot"])]
                add(P.pick(nf["titel"]), " ".join(t for t in text if t), "clientverhaal", day,
                    "naaste", cid, g_name, w_name, iid)
            else:
                cf = fr["clientverhaal"]
                text = [f(cf["opening"]), f(cf["voor"][prof])]
                if kp_date[i] is not None and kp_date[i] <= day:
                    text.append(f(cf["keerpunt"][verloop.KIND_NAMES[keerpunt_l[i]]]))
                if tv_date[i] is not None and tv_date[i] <= day:
                    text.append(f(cf["terugval"]))
                text += [f(cf["nu_" + tr])]
                if rel:
                    text.append(f(cf["naaste"]))
                text.append(f(cf["slot"]))
                add(P.pick(cf["titel"]), " ".join(t for t in text if t), "clientverhaal", day,
                    "client", cid, g_name, w_name, iid)
        if (groep_l[i] and trend_l[i] == "beter" and laatste_t_l[i] >= 5
                and P.chance(0.3)):
            mf = fr["msc"]
            by_client = P.chance(0.7)
            change_text = P.pick(mf["verandering"][verloop.DOMAINS[best_l[i]]])
            text = [P.pick(mf["vraag"]), f"De belangrijkste verandering voor mij is {change_text}.",
                    f(mf["waarom"]), f(mf["hoe"][iid])]
            if not by_client:
                text.append(f(mf["professional"]))
            add(P.pick(mf["titel"]), " ".join(text), "msc_verhaal",
                last_date[i] + P.int(0, 45),
                "client" if by_client else "professional", cid, g_name, w_name, iid)

    _wijkverhalen(P, fr["wijkverhaal"], course, gemeente, wijk, add)
    return story_frame(rec)


SMALLEST_STATED_COUNT = 5


def _wijkverhalen(P: _Picker, wf: dict, course, gemeente, wijk, add) -> None:
    """One story per wijk per year, quoting that wijk's number of new trajecten and the most
    common problem profile among them; no personal data. Like the reports, a story never
    states a count below five: it says "minder dan vijf"."""
    region = load_region()
    year = course.start.astype("datetime64[Y]").astype(np.int64) + 1970
    years = range(int(verloop.START.astype("datetime64[Y]").astype(int) + 1970),
                  int(verloop.PEILDATUM.astype("datetime64[Y]").astype(int) + 1970) + 1)
    n_w = len(region.wijken)
    counts = np.zeros((n_w, len(years), 5), dtype=np.int64)
    if year.size:
        np.add.at(counts, (wijk, year - years[0], course.profiel), 1)
    roles = ["burger", "burger", "professional", "student"]
    for w in range(n_w):
        g_name = region.gemeenten[region.wijk_gemeente[w]]
        for j, jaar in enumerate(years):
            k = int(counts[w, j].sum())
            if k == 0:
                continue
            shown = k if k >= SMALLEST_STATED_COUNT else "minder dan vijf"
            ctx = {"wijk": region.wijken[w], "gemeente": g_name, "jaar": jaar, "k": shown,
                   "thema": P.pick(wf["thema"][int(np.argmax(counts[w, j]))])}
            rol = P.pick(roles)
            text = [P.pick(wf["opening"][rol]).format(**ctx), P.pick(wf["cijfers"]).format(**ctx),
                    P.pick(wf["sfeer"]), P.pick(wf["sfeer"]), P.pick(wf["slot"])]
            if text[2] == text[3]:
                text.pop(3)
            day = int(np.datetime64(f"{jaar}-11-15").astype(np.int64))
            add(P.pick(wf["titel"]).format(**ctx), " ".join(text), "wijkverhaal", day, rol, None,
                g_name, region.wijken[w], None)
