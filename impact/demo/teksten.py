"""Dutch narratives for the demo world, consistent with each client's figures and events.

Stories are composed sentence by sentence from a bank of templates (``data/zinnen.yaml``)
kept per register (intake note, progress report, phone note, keerpunt / relapse / eviction /
drop-out / evaluation note, a client's own words in spoken Dutch or Limburgish, a relative's
story, a student's interview write-up, an MSC story, a neighbourhood story), per ZRM domain and
per direction of the client's change. Templates carry inline alternatives (``[a|b]``) and
slots filled from the client's data (real scores, dates, names), so one template yields many
sentences. A writer keeps track of what it has written: a sentence of more than six words is
never used twice for the same client and in at most a small share of all stories.

What each story was written to say is kept, machine-readable, in ``bedoelingen``: one row per
stance sentence with the ZRM domain, the direction (``vooruitgang``, ``gelijk``, ``terugval``,
or ``probleem`` for an intake's description of a problem), the ground (``zrm``: the change
from intake to the last measurement on or before the story's date; ``gebeurtenis``: the
event the note is about; ``intake``) and the sentence's character offsets. ``registers``
names each story's register. The fake personal data in the texts (names, relatives,
addresses, BSN, phone, e-mail, birth date) are exactly the values in ``identiteiten``.
Wijkverhalen carry no personal data.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

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
HULP_DERDE = {1: "de schuldhulpverlener", 2: "het wijkteam", 3: "de jongerenwerker",
              4: "de begeleider", 5: "de vroegsignalering", 6: "de hulpverlener"}
INTERVENTIE_NAAM = {1: "Schuldhulpverlening", 2: "Wijkteam-ondersteuning", 3: "Jongerenwerk",
                    4: "Stress-sensitief werken", 5: "Vroegsignalering", 6: "gebruikelijke zorg"}
RICHTING = {"beter": "vooruitgang", "gelijk": "gelijk", "slechter": "terugval"}
REGISTERS = (
    "intake", "voortgangsrapportage", "telefoonnotitie", "keerpunt", "terugval",
    "uithuiszetting", "uitval", "evaluatie", "eigen_woorden", "naaste", "interview", "msc",
    "wijkverhaal",
)
BEDOELING_COLUMNS = ["verhaal_id", "domein", "richting", "grond", "start", "eind"]
CODEBOEK = Path(__file__).resolve().parents[2] / "verhalen" / "data" / "codeboek_zrm.yaml"
LONG = 6  # sentences of more than this many words are never repeated within a client


@cache
def load_sentences() -> dict:
    return yaml.safe_load((DATA / "zinnen.yaml").read_text(encoding="utf-8"))


@cache
def load_codebook() -> dict:
    """The ZRM start codebook of the verhalen room, read as plain YAML from its file."""
    return yaml.safe_load(CODEBOEK.read_text(encoding="utf-8"))


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


def _ymd(day: int) -> tuple[int, int, int]:
    y, m, d = (int(x) for x in str(np.datetime64(int(day), "D")).split("-"))
    return y, m, d


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


_ALTERNATIVES = re.compile(r"\[([^\[\]]*)\]")


@cache
def _compile(template: str) -> tuple:
    """A template as literal text and tuples of alternatives, in order."""
    parts: list = []
    last = 0
    for match in _ALTERNATIVES.finditer(template):
        parts.append(template[last:match.start()])
        parts.append(tuple(match.group(1).split("|")))
        last = match.end()
    parts.append(template[last:])
    return tuple(p for p in parts if p != "")


def render(template: str, ctx: dict, P: _Picker) -> str:
    out = []
    for part in _compile(template):
        out.append(P.pick(part) if isinstance(part, tuple) else part)
    text = "".join(out).format_map(ctx)
    text = re.sub(r" {2,}", " ", text).replace(" ,", ",").replace(" .", ".").strip()
    return text[:1].upper() + text[1:] if text else text


@dataclass
class _Story:
    parts: list[str] = field(default_factory=list)
    tags: list[tuple] = field(default_factory=list)  # (part index, domein, richting, grond)
    codes: list[tuple] = field(default_factory=list)  # (part index, code_id)
    templates: set[str] = field(default_factory=set)

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        spans, pos = [], 0
        for p in self.parts:
            spans.append((pos, pos + len(p)))
            pos += len(p) + 1
        return " ".join(self.parts), spans


class _Writer:
    """Says sentences for one client at a time, never repeating a long one for that client,
    and using any long sentence in at most ``cap`` stories overall."""

    def __init__(self, P: _Picker, cap: int):
        self.P = P
        self.cap = cap
        self.used: Counter[str] = Counter()
        self.client: set[str] = set()
        self.ctx: dict = {}

    def new_client(self, ctx: dict) -> None:
        self.client = set()
        self.ctx = ctx

    def say(self, story: _Story, options: list[str] | str, *, core: bool = False,
            tag: tuple | None = None, codes: tuple = (), prefix: str = "",
            suffix: str = "") -> bool:
        if isinstance(options, str):
            options = [options]
        candidate = None
        for attempt in range(8):
            template = self.P.pick(options)
            if template in story.templates and attempt < 7:
                continue  # one frame once per story
            text = prefix + render(template, self.ctx, self.P) + suffix
            if not text.strip():
                return False
            short = len(text.split()) <= LONG
            if short or (text not in self.client and self.used[text] < self.cap):
                candidate = text
                break
            if attempt == 0 and text not in self.client:
                candidate = text
        else:
            if not core or candidate is None:
                return False
            text = candidate
        if text in self.client and len(text.split()) > LONG:
            return False
        self.client.add(text)
        self.used[text] += 1
        story.templates.add(template)
        index = len(story.parts)
        story.parts.append(text)
        if tag is not None:
            story.tags.append((index, *tag))
        for code in codes:
            if code:
                story.codes.append((index, code))
        return True


def _occasion_scores(course: verloop.Course, n: int):
    """Per client: occasion days and the forward-filled ZRM scores (occasions x 13), so that
    row k holds, per domain, the last score observed on or before occasion k."""
    key = course.m_client.astype(np.int64) * 10_000_000 + np.rint(course.m_t * 1000).astype(np.int64)
    occ_key, occ_index = np.unique(key, return_inverse=True)
    n_occ = occ_key.size
    mat = np.full((n_occ, verloop.N_DOMAINS), np.nan)
    mat[occ_index, course.m_domain] = course.m_score
    occ_client = (occ_key // 10_000_000).astype(np.int64)
    occ_day = np.zeros(n_occ, dtype=np.int64)
    occ_day[occ_index] = np.asarray(course.m_date, dtype="datetime64[D]").astype(np.int64)
    filled = pd.DataFrame(mat).groupby(occ_client).ffill().to_numpy()
    bounds = np.searchsorted(occ_client, np.arange(n + 1))
    return occ_day, filled, bounds


def stories(
    rng: np.random.Generator,
    course: verloop.Course,
    people: People,
    gemeente: np.ndarray,
    wijk: np.ndarray,
    ev_c: np.ndarray,
    ev_date: np.ndarray,
    ev_kind: np.ndarray,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[tuple]]:
    """(verhalen, bedoelingen, registers, codable segments) for the whole world.

    The segments are ``(verhaal_id, start, eind, code_id)`` for every sentence: the code a
    careful coder would mark, or "" for a sentence with none; ``codering`` makes two coders'
    codings of a subset from them."""
    zs = load_sentences()
    region = load_region()
    P = _Picker(rng)
    n = course.profiel.size
    W = _Writer(P, cap=max(3, n // 100))
    rec: dict[str, list] = {c: [] for c in VERHAAL_COLUMNS if c != "verhaal_id"}
    bedoelingen: list[tuple] = []
    registers: list[str] = []
    segments: list[tuple] = []

    def add(story: _Story, titel, soort, datum, rol, cid, g, w, iid, register) -> None:
        if not story.parts:
            return
        tekst, spans = story.text_and_offsets()
        verhaal_id = len(rec["tekst"]) + 1
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
        registers.append(register)
        for index, domein, richting, grond in story.tags:
            bedoelingen.append((verhaal_id, domein, richting, grond, *spans[index]))
        coded = {index for index, _ in story.codes}
        for index, code in story.codes:
            segments.append((verhaal_id, *spans[index], code))
        for index, span in enumerate(spans):
            if index not in coded:
                segments.append((verhaal_id, *span, ""))

    doms = zs["domein"]
    dom_keys = verloop.DOMAINS
    occ_day, filled, bounds = _occasion_scores(course, n)
    occ_day_l = occ_day.tolist()
    bounds_l = bounds.tolist()

    def scores_on(i: int, day: int) -> list[float]:
        lo, hi = bounds_l[i], bounds_l[i + 1]
        k = lo
        while k + 1 < hi and occ_day_l[k + 1] <= day:
            k += 1
        return filled[k].tolist()

    interventie_id = np.where(course.interventie_groep, course.profiel + 1, 6)
    change = course.laatste - course.intake
    mean_change = change.mean(axis=1)
    trend = np.where(
        mean_change > 0.25, "beter", np.where(mean_change < -0.15, "slechter", "gelijk")
    )
    order_intake = np.argsort(course.intake, axis=1, kind="stable")
    mode_intake = (course.intake[:, :, None] == np.arange(1, 6)).sum(axis=1).argmax(axis=1) + 1
    schuld = (np.exp(rng.normal(9.4, 0.7, n)) // 100 * 100).astype(int)
    achterstand = (np.exp(rng.normal(6.6, 0.6, n)) // 10 * 10).astype(int)
    schuldeisers = rng.integers(3, 19, n)
    kp_domain = verloop.KIND_DOMAIN[np.maximum(course.keerpunt, 0)]
    tv_domain = verloop.KIND_DOMAIN[np.maximum(course.terugval, 0)]
    start_np = course.start.astype(np.int64)
    start = start_np.tolist()
    last_date = (start_np + np.rint(course.laatste_t * verloop.MONTH).astype(np.int64)).tolist()
    eind = [None if e != e else int(e) for e in
            np.where(course.loopt, np.nan, course.eind.astype(np.int64))]
    keerpunt_l, terugval_l = course.keerpunt.tolist(), course.terugval.tolist()
    duur_l = course.duur.tolist()

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
    intake_l = course.intake.astype(int).tolist()
    order_l = order_intake.tolist()
    mode_l = mode_intake.tolist()
    target_l = verloop.TARGET[course.profiel].tolist()
    profiel_l, iid_l = course.profiel.tolist(), interventie_id.tolist()
    leeftijd_l, soort_l = course.leeftijd.tolist(), course.soort.tolist()
    loopt_l = course.loopt.tolist()
    laatste_t_l, groep_l = course.laatste_t.tolist(), course.interventie_groep.tolist()
    trend_l = trend.tolist()
    kp_domain_l, tv_domain_l = kp_domain.tolist(), tv_domain.tolist()
    gemeente_l, wijk_l = gemeente.tolist(), wijk.tolist()
    schuld_l, schuldeisers_l = schuld.tolist(), schuldeisers.tolist()
    achterstand_l = achterstand.tolist()
    pp = {k: getattr(people, k).tolist() for k in (
        "vrouw", "voornaam", "achternaam", "naam", "relatie", "naaste", "adres", "postcode",
        "woonplaats", "bsn", "mobiel", "vast", "email", "geboortedatum")}
    gemeenten, wijken, corporaties = region.gemeenten, region.wijken, region.corporaties
    vul = zs["vullers"]

    def set_date(ctx: dict, day: int, i: int) -> None:
        y, m, d = _ymd(min(day, PEIL))
        ctx.update(
            datum=f"{d} {MONTHS[m - 1]} {y}", datum_kort=f"{d} {MONTHS[m - 1]}",
            maand=MONTHS[m - 1], jaar=y, maand_volgend=MONTHS[m % 12],
            k=max(1, round((day - start[i]) / verloop.MONTH)),
            dag=P.pick(vul["dag"]), tijd=f"{P.int(8, 16)}.{P.pick(['00', '15', '30', '45'])} uur",
        )

    def domain_ctx(ctx: dict, d: int, a: float, b: float) -> None:
        dz = doms[dom_keys[d]]
        ctx.update(dnaam=dz["naam"], dnaam_hoofd=dz["naam"][0].upper() + dz["naam"][1:],
                   obj=P.pick(dz["obj"]), ik_obj=P.pick(dz["ik_obj"]),
                   li_obj=P.pick(dz["li_obj"]), a=int(a), b=int(b))

    def direction(a: float, b: float) -> str:
        return "beter" if b > a else "slechter" if b < a else "gelijk"

    def stance(story: _Story, d: int, a: float, b: float, register: str) -> bool:
        """One or two sentences on domain d, matching the change from a to b."""
        dz = doms[dom_keys[d]]
        r = direction(a, b)
        domain_ctx(W.ctx, d, a, b)
        tag = (dom_keys[d], RICHTING[r], "zrm")
        code = dz["code"][r]
        if register == "prof":
            said = W.say(story, zs["algemeen"][r] + dz[r], tag=tag, codes=(code,))
            if said and P.chance(0.5):
                W.say(story, dz[r], tag=tag, codes=(code,))
            return said
        if register == "li":
            bank = dz.get("li_" + r) or dz["ik_" + r]
            return W.say(story, bank, tag=tag, codes=(code,))
        return W.say(story, zs["ik"][r] + dz["ik_" + r], tag=tag, codes=(code,))

    def focus_domains(i: int, now: list[float], k: int) -> list[int]:
        own = intake_l[i]
        delta = [now[d] - own[d] for d in range(verloop.N_DOMAINS)]
        order = sorted(range(verloop.N_DOMAINS),
                       key=lambda d: (-abs(delta[d]), not target_l[i][d], d))
        chosen = [d for d in order if delta[d] != 0][:k]
        for d in order:
            if len(chosen) >= k:
                break
            if d not in chosen and target_l[i][d]:
                chosen.append(d)
        return chosen[:k]

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
        aanhef_kort = pp["voornaam"][i] if young else (f"mw. {alone}" if vrouw else f"dhr. {alone}")
        rel, naaste = pp["relatie"][i], pp["naaste"][i]
        if rel:
            naaste_lang, mijn, naaste_kort = f"{haar} {rel} {naaste}", f"mijn {rel} {naaste}", f"{haar} {rel}"
            mijn_kort = f"mijn {rel}"
        else:
            naaste_lang, mijn, naaste_kort = "een buurvrouw", "mijn buurvrouw", "een buurvrouw"
            mijn_kort = "mijn buurvrouw"
        phone = pp["mobiel"][i] if (not pp["vast"][i] or P.chance(0.7)) else pp["vast"][i]
        y0, m0, _ = _ymd(start[i])
        ctx = {
            "naam": pp["naam"][i], "voornaam": pp["voornaam"][i], "achternaam": achternaam,
            "geboortedatum": pp["geboortedatum"][i], "adres": pp["adres"][i],
            "postcode": pp["postcode"][i], "woonplaats": pp["woonplaats"][i],
            "wijk": w_name, "gemeente": g_name, "zij": zij, "Zij": zij.capitalize(),
            "haar": haar, "haar_obj": hem, "aanhef": aanhef, "aanhef_kort": aanhef_kort,
            "Aanhef": aanhef[0].upper() + aanhef[1:],
            "naaste": naaste, "relatie": rel, "naaste_lang": naaste_lang,
            "Naaste_hoofd": naaste_lang[0].upper() + naaste_lang[1:],
            "naaste_kort": naaste_kort, "naaste_of_kennis": naaste_lang if rel else "een kennis",
            "mijn_naaste": mijn, "Mijn_naaste": mijn[0].upper() + mijn[1:],
            "mijn_naaste_kort": mijn_kort,
            "corporatie": corporaties[gemeente_l[i]], "schuld": euro(schuld_l[i]),
            "achterstand": euro(achterstand_l[i]), "termijn": euro(max(25, achterstand_l[i] // 8 // 5 * 5)),
            "schuldeisers": schuldeisers_l[i], "telefoon": phone, "email": pp["email"][i],
            "bsn": pp["bsn"][i], "leeftijd": leeftijd_l[i], "mijn_hulp": HULP[iid],
            "Mijn_hulp_hoofd": HULP[iid][0].upper() + HULP[iid][1:],
            "mijn_hulp_derde": HULP_DERDE[iid], "interventie": INTERVENTIE_NAAM[iid],
            "opleiding": P.pick(vul["opleiding"]), "maand_intake": MONTHS[m0 - 1],
            "jaar_intake": y0, "jaren_wijk": P.int(3, 30), "jaar_intrek": y0 - P.int(2, 25),
            "reden": "", "focus": "", "citaat": "", "msc": "",
        }
        ctx["werk"] = render(P.pick(vul["werk"]), ctx, P)
        kp_month = MONTHS[_ymd(kp_date[i])[1] - 1] if kp_date[i] is not None else None
        tv_month = MONTHS[_ymd(tv_date[i])[1] - 1] if tv_date[i] is not None else None
        ctx.update(maand_kp=kp_month or "", maand_tv=tv_month or "",
                   maand_kp_of_nu=kp_month or MONTHS[_ymd(last_date[i])[1] - 1])
        W.new_client(ctx)
        own_intake = intake_l[i]

        # 1. intake note, always
        zi = zs["intake"]
        day = start[i] + P.int(0, 3)
        set_date(ctx, day, i)
        s = _Story()
        first = render(P.pick(zi["opening"]), ctx, P)
        if P.chance(0.3):
            first += render(P.pick(zi["geboren"]), ctx, P)
        first += render(P.pick(zi["plek_adres"] if P.chance(0.7) else zi["plek_anders"]), ctx, P)
        W.say(s, first.replace("{", "{{").replace("}", "}}") + ".", core=True)
        W.say(s, zi["aanmelding"][prof], core=True)
        low = [d for d in order_l[i][:3] if own_intake[d] <= 2][:2]
        for d in low:
            dz = doms[dom_keys[d]]
            W.say(s, dz["probleem"], tag=(dom_keys[d], "probleem", "intake"),
                  codes=(dz["code"]["probleem"],))
        if not low:
            W.say(s, zi["geen_probleem"])
        d1, d2 = order_l[i][0], order_l[i][1]
        ctx.update(d1=DOMAIN_TEXT[d1], s1=own_intake[d1], d2=DOMAIN_TEXT[d2],
                   s2=own_intake[d2], s_rest=f"overwegend {mode_l[i]}")
        W.say(s, zi["zrm"], core=True)
        if rel and P.chance(0.6):
            W.say(s, zi["naaste"])
        if P.chance(0.6):
            W.say(s, zi["contact_tel"])
        if P.chance(0.3):
            W.say(s, zi["contact_mail"])
        if P.chance(0.35):
            W.say(s, zi["bsn"])
        W.say(s, zi["afspraak"][iid], core=True, codes=("hulpverlening",))
        add(s, P.pick(zi["titel"]), "casusnotitie", day, "professional", cid, g_name, w_name,
            iid, "intake")

        # 2. progress report at a measurement within the traject
        lo, hi = bounds_l[i], bounds_l[i + 1]
        mids = [k for k in range(lo + 1, hi)
                if occ_day_l[k] - start[i] < duur_l[i] * verloop.MONTH - 20]
        if mids and P.chance(0.35):
            k = P.pick(mids)
            day = min(occ_day_l[k] + P.int(0, 10), PEIL)
            set_date(ctx, day, i)
            zv = zs["voortgang"]
            s = _Story()
            W.say(s, zv["kop"], core=True)
            if P.chance(0.6):
                W.say(s, zv["methode"])
            now = scores_on(i, day)
            chosen = focus_domains(i, now, P.int(2, 3))
            for d in chosen:
                stance(s, d, own_intake[d], now[d], "prof")
            if chosen:
                ctx["focus"] = " en ".join(doms[dom_keys[d]]["naam"] for d in chosen[:2])
                W.say(s, zv["plan"], codes=("hulpverlening",))
            add(s, render(P.pick(zv["titel"]), ctx, P), "casusnotitie", day, "professional",
                cid, g_name, w_name, iid, "voortgangsrapportage")

        # 3. phone note
        last = min(last_date[i], PEIL)
        if last - start[i] > 30 and P.chance(0.25):
            day = start[i] + P.int(14, last - start[i])
            set_date(ctx, day, i)
            zt = zs["telefoon"]
            ctx["reden"] = render(P.pick(zt["reden"]), ctx, P)
            s = _Story()
            W.say(s, zt["kop"], core=True)
            if P.chance(0.5):
                now = scores_on(i, day)
                chosen = [d for d in focus_domains(i, now, 1) if now[d] != own_intake[d]]
                for d in chosen:
                    stance(s, d, own_intake[d], now[d], "prof")
            W.say(s, zt["actie"], core=True)
            add(s, P.pick(zt["titel"]), "casusnotitie", day, "professional", cid, g_name,
                w_name, iid, "telefoonnotitie")

        # 4. keerpunt note, dated near the event that caused the jump
        if kp_date[i] is not None:
            kind = verloop.KIND_NAMES[keerpunt_l[i]]
            kf = zs["keerpunt"][kind]
            day = kp_date[i] + P.int(0, 7)
            set_date(ctx, day, i)
            before = scores_on(i, kp_date[i] - 1)[kp_domain_l[i]]
            ctx["voor"] = int(before) if before == before else "onbekend"
            dk = dom_keys[kp_domain_l[i]]
            code = doms[dk]["code"]["beter"]
            s = _Story()
            W.say(s, kf["kern"], core=True, tag=(dk, "vooruitgang", "gebeurtenis"),
                  codes=("keerpunt", code))
            W.say(s, kf["effect"], tag=(dk, "vooruitgang", "gebeurtenis"), codes=(code,))
            if rel and P.chance(0.3):
                W.say(s, "{Naaste_hoofd} was er [ook|die dag] bij.")
            W.say(s, kf["cijfers"])
            if P.chance(0.2):
                W.say(s, "Volgende afspraak telefonisch via {telefoon}.")
            add(s, P.pick(kf["titel"]), "casusnotitie", day, "professional", cid, g_name,
                w_name, iid, "keerpunt")

        # 5. relapse note
        if tv_date[i] is not None:
            tf = zs["terugval"]
            kind = verloop.KIND_NAMES[terugval_l[i]]
            day = tv_date[i] + P.int(0, 10)
            set_date(ctx, day, i)
            d = tv_domain_l[i]
            before = scores_on(i, tv_date[i] - 1)[d]
            domain_ctx(ctx, d, 0, 0)
            ctx["voor"] = int(before) if before == before else "onbekend"
            dk = dom_keys[d]
            s = _Story()
            W.say(s, tf[kind], core=True, tag=(dk, "terugval", "gebeurtenis"),
                  codes=(doms[dk]["code"]["slechter"],))
            W.say(s, tf["reactie"])
            W.say(s, tf["cijfers"])
            add(s, P.pick(tf["titel"]), "casusnotitie", day, "professional", cid, g_name,
                w_name, iid, "terugval")

        if uz_date[i] is not None:
            uf = zs["uithuiszetting"]
            day = uz_date[i] + P.int(0, 3)
            set_date(ctx, day, i)
            s = _Story()
            W.say(s, uf["kern"], core=True, tag=("huisvesting", "terugval", "gebeurtenis"),
                  codes=("huisvesting.dreigend_verlies",))
            W.say(s, uf["vervolg"], core=True, codes=("huisvesting.woning",))
            add(s, P.pick(uf["titel"]), "casusnotitie", day, "professional", cid, g_name,
                w_name, iid, "uithuiszetting")

        # 6. drop-out note, or an evaluation quoting the real change
        reden = course.uitstroomreden[i]
        if soort_l[i] == verloop.UITVAL and not loopt_l[i]:
            uf = zs["uitval"]
            set_date(ctx, eind[i], i)
            s = _Story()
            W.say(s, uf[reden], core=True)
            W.say(s, uf["slot"])
            add(s, P.pick(uf["titel"]), "casusnotitie", eind[i], "professional", cid, g_name,
                w_name, iid, "uitval")
        elif laatste_t_l[i] > 3 and P.chance(0.5):
            ef = zs["evaluatie"]
            day = last_date[i]
            set_date(ctx, day, i)
            ctx["reden"] = reden or ""
            now = scores_on(i, min(day, PEIL))
            s = _Story()
            W.say(s, ef["kop"], core=True)
            for d in focus_domains(i, now, P.int(2, 3)):
                stance(s, d, own_intake[d], now[d], "prof")
            if reden is not None and eind[i] <= last_date[i]:
                W.say(s, ef["afgesloten"])
            W.say(s, ef["slot_" + trend_l[i]])
            add(s, render(P.pick(ef["titel"]), ctx, P), "casusnotitie", day, "professional",
                cid, g_name, w_name, iid, "evaluatie")

        # 7. the client's own words, or a relative's story
        if laatste_t_l[i] >= 5 and P.chance(0.3):
            day = min(last_date[i] + P.int(0, 30), PEIL)
            set_date(ctx, day, i)
            now = scores_on(i, day)
            chosen = focus_domains(i, now, 2)
            s = _Story()
            if rel and P.chance(0.2):
                nf = zs["naasteverhaal"]
                W.say(s, nf["opening"], core=True)
                for d in chosen:
                    r = direction(own_intake[d], now[d])
                    domain_ctx(ctx, d, own_intake[d], now[d])
                    W.say(s, nf[r], tag=(dom_keys[d], RICHTING[r], "zrm"),
                          codes=(doms[dom_keys[d]]["code"][r],))
                W.say(s, nf["slot"])
                add(s, P.pick(nf["titel"]), "clientverhaal", day, "naaste", cid, g_name,
                    w_name, iid, "naaste")
            else:
                cf = zs["eigen_woorden"]
                li = leeftijd_l[i] >= 30 and P.chance(0.25)
                W.say(s, cf["li_opening"] if li else cf["opening"], core=True)
                W.say(s, cf["li_voor"] if li else cf["voor"][prof])
                if kp_date[i] is not None and kp_date[i] <= day:
                    dk = dom_keys[kp_domain_l[i]]
                    W.say(s, cf["keerpunt"][verloop.KIND_NAMES[keerpunt_l[i]]],
                          tag=(dk, "vooruitgang", "gebeurtenis"),
                          codes=("keerpunt", doms[dk]["code"]["beter"]))
                if tv_date[i] is not None and tv_date[i] <= day:
                    W.say(s, cf["terugval"])
                for d in chosen:
                    stance(s, d, own_intake[d], now[d], "li" if li and P.chance(0.7) else "ik")
                if P.chance(0.5):
                    W.say(s, cf["hulp"], codes=("hulpverlening",))
                if P.chance(0.3):
                    W.say(s, cf["eigen_kracht"], codes=("eigen_kracht",))
                if rel and P.chance(0.6):
                    W.say(s, cf["naaste"])
                W.say(s, cf["li_slot"] if li else cf["slot"])
                add(s, P.pick(cf["titel"]), "clientverhaal", day, "client", cid, g_name,
                    w_name, iid, "eigen_woorden")

        # 8. a student's interview write-up
        if laatste_t_l[i] >= 5 and P.chance(0.07):
            day = min(last_date[i] + P.int(15, 75), PEIL)
            set_date(ctx, day, i)
            zi2 = zs["interview"]
            now = scores_on(i, day)
            s = _Story()
            W.say(s, zi2["kop"], core=True)
            W.say(s, zi2["setting"])
            for d in focus_domains(i, now, 2):
                r = direction(own_intake[d], now[d])
                domain_ctx(ctx, d, own_intake[d], now[d])
                dz = doms[dom_keys[d]]
                ctx["citaat"] = render(P.pick(zs["ik"][r] + dz["ik_" + r]), ctx, P)
                W.say(s, zi2[r], tag=(dom_keys[d], RICHTING[r], "zrm"), codes=(dz["code"][r],))
            W.say(s, zi2["reflectie"], codes=("hulpverlening",))
            add(s, render(P.pick(zi2["titel"]), ctx, P), "clientverhaal", day, "student", cid,
                g_name, w_name, iid, "interview")

        # 9. MSC story about the domain that improved most
        if groep_l[i] and trend_l[i] == "beter" and laatste_t_l[i] >= 5 and P.chance(0.3):
            mf = zs["msc"]
            day = min(last_date[i] + P.int(0, 45), PEIL)
            set_date(ctx, day, i)
            now = scores_on(i, day)
            delta = [now[d] - own_intake[d] for d in range(verloop.N_DOMAINS)]
            best = max(range(verloop.N_DOMAINS), key=lambda d: (delta[d], target_l[i][d]))
            if delta[best] > 0:
                dk = dom_keys[best]
                by_client = P.chance(0.7)
                ctx["msc"] = P.pick(doms[dk]["msc"])
                s = _Story()
                W.say(s, mf["vraag"])
                W.say(s, mf["verandering"], core=True, tag=(dk, "vooruitgang", "zrm"),
                      codes=(doms[dk]["code"]["beter"],))
                W.say(s, mf["waarom"])
                W.say(s, mf["hoe"][iid], codes=("hulpverlening",))
                if not by_client:
                    W.say(s, mf["professional"])
                add(s, P.pick(mf["titel"]), "msc_verhaal", day,
                    "client" if by_client else "professional", cid, g_name, w_name, iid, "msc")

    W.new_client({})
    _wijkverhalen(P, W, zs["wijkverhaal"], course, gemeente, wijk, add)
    frame = story_frame(rec)
    bedoeling = pd.DataFrame(bedoelingen, columns=BEDOELING_COLUMNS).astype(
        {"verhaal_id": np.int64, "domein": "str", "richting": "str", "grond": "str",
         "start": np.int64, "eind": np.int64})
    register = pd.DataFrame({"verhaal_id": frame["verhaal_id"],
                             "register": pd.array(registers, dtype="str")})
    return frame, bedoeling, register, segments


SMALLEST_STATED_COUNT = 5


def _wijkverhalen(P: _Picker, W: _Writer, wf: dict, course, gemeente, wijk, add) -> None:
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
            plek = P.pick(wf["plek"])
            ctx = {"wijk": region.wijken[w], "gemeente": g_name, "jaar": jaar, "k": shown,
                   "jaar_volgend": jaar + 1, "plek": plek, "plek_hoofd": plek[0].upper() + plek[1:],
                   "thema": P.pick(wf["thema"][int(np.argmax(counts[w, j]))])}
            W.new_client(ctx)
            rol = P.pick(roles)
            s = _Story()
            W.say(s, wf["opening"][rol], core=True)
            W.say(s, wf["cijfers"], core=True)
            for _ in range(P.int(2, 3)):
                W.say(s, wf["sfeer"])
            W.say(s, wf["slot"])
            day = int(np.datetime64(f"{jaar}-11-15").astype(np.int64))
            add(s, render(P.pick(wf["titel"]), ctx, P), "wijkverhaal", day, rol, None, g_name,
                region.wijken[w], None, "wijkverhaal")
