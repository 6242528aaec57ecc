"""CLI command group 'kosten-baten': Effectencalculator cases and programme MKBA/SROI."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from impact.cli.options import DB_OPTION
from impact.cli.taal import huidige_taal
from impact.errors import Problem, UserInputError
from impact.opmaak import Opmaak, euro

app = typer.Typer(
    help="Kosten en baten: casussen (Effectencalculator) en programma-MKBA/SROI.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


CASUS_BESTAND = typer.Argument(..., help="Casusbestand (.yaml of .xlsx).")
PROGRAMMA_BESTAND = typer.Argument(..., help="Programmabestand (.yaml).")
EIGEN_PRIJSLIJST = typer.Option(None, "--prijslijst", help="Eigen prijslijst (CSV/XLSX).")


def _print_json(data: dict) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _prijslijst(pad: Path | None):
    from impact.io.prijslijst import read_price_list
    from modellen.kostenbaten.prijslijst import standaard_prijslijst

    if pad is None:
        return standaard_prijslijst()
    return standaard_prijslijst(read_price_list(pad), str(pad))


@app.command("casus")
def casus(
    bestand: Path = CASUS_BESTAND,
    als_json: bool = typer.Option(False, "--json", help="Uitvoer als JSON."),
    prijslijst: Path | None = EIGEN_PRIJSLIJST,
    prijsjaar: int | None = typer.Option(None, "--prijsjaar", help="Prijspeil (CPI-indexering)."),
    discontovoet: float | None = typer.Option(None, "--discontovoet", help="Bijv. 0.0225."),
) -> None:
    """Reken één casus door: kosten per scenario, verschil, per financier en contante waarde."""
    from impact.io.casus_bestand import lees_casus
    from modellen.kostenbaten.casus import Effectencalculator

    gelezen = lees_casus(bestand)
    calc = Effectencalculator(
        prijslijst=_prijslijst(prijslijst), discontovoet=discontovoet, prijsjaar=prijsjaar
    )
    resultaat = calc.fit(gelezen.document, gelezen.bestand, gelezen.regels)
    if als_json:
        _print_json(resultaat.to_dict())
        return
    d = resultaat.to_dict()
    typer.echo(
        f"Casus: {d['casus']}  (prijspeil {d['prijsjaar']}, prijslijst {d['prijslijst']['versie']})"
    )
    typer.echo(f"  kosten interventie: {euro(d['kosten_interventie'])}")
    typer.echo(f"  kosten referentie:  {euro(d['kosten_referentie'])}")
    laag, hoog = d["verschil_bandbreedte"]
    typer.echo(
        f"  verschil (referentie - interventie): {euro(d['verschil'])}"
        f"  (bandbreedte {euro(laag)} tot {euro(hoog)})"
    )
    voet = Opmaak(huidige_taal()).procent(d["discontovoet"]["waarde"], 2)
    typer.echo(
        f"  contante waarde verschil: {euro(d['contante_waarde']['verschil'])}"
        f"  (discontovoet {voet})"
    )
    typer.echo("  per financier (negatief = investeert, positief = profiteert):")
    for rij in d["per_financier"]:
        typer.echo(f"    {rij['financier']:<18} {euro(rij['verschil'])}")


def _lees_casussen_uit_db(interventie: str | None, gemeente: str | None, db: str | None) -> list[dict]:
    """The stored case documents of one interventie (name or id) and/or one gemeente (that of
    the case's client), as the reports read them (``store.read(engine, "casussen")``)."""
    from impact import store
    from impact.cli.options import open_database

    engine = open_database(db)
    casussen = store.read(engine, "casussen")
    interventies = store.read(engine, "interventies")
    clienten = store.read(engine, "clienten")
    namen = dict(zip(interventies["interventie_id"], interventies["naam"], strict=True))
    gemeenten = dict(zip(clienten["client_id"], clienten["gemeente"], strict=True))
    gekozen, aanwezig = [], {}
    for rij in casussen.to_dict("records"):
        inhoud = rij["inhoud"] or {}
        naam = namen.get(rij["interventie_id"]) or inhoud.get("interventie")
        waar = gemeenten.get(rij["client_id"])
        sleutel = f"{naam or 'zonder interventie'} in {waar or 'onbekende gemeente'}"
        aanwezig[sleutel] = aanwezig.get(sleutel, 0) + 1
        if interventie is not None and interventie not in (naam, str(rij["interventie_id"])):
            continue
        if gemeente is not None and waar != gemeente:
            continue
        gekozen.append(inhoud)
    if not gekozen:
        keuze = ", ".join(f"{k} {v}" for k, v in (("interventie", interventie), ("gemeente", gemeente)) if v)
        wel = "; ".join(f"{k}: {n}" for k, n in sorted(aanwezig.items()))
        verwacht = (
            f"ten minste één casus bij deze keuze; casussen zijn er bij: {wel}"
            if aanwezig
            else "ten minste één casus in de database (voeg ze toe met 'impact importeer casussen MAP')"
        )
        raise UserInputError(Problem(store.resolve_url(db), None, None, verwacht, keuze or None))
    return gekozen


@app.command("casussen")
def casussen(
    interventie: str | None = typer.Option(None, "--interventie", help="Alleen deze interventie (naam of id)."),
    gemeente: str | None = typer.Option(None, "--gemeente", help="Alleen casussen van cliënten uit deze gemeente."),
    db: str | None = DB_OPTION,
    als_json: bool = typer.Option(False, "--json", help="Uitvoer als JSON."),
    extrapoleer: int | None = typer.Option(None, "--extrapoleer", help="Aantal cliënten."),
    seed: int = typer.Option(2026, "--seed", help="Seed voor de bootstrap."),
) -> None:
    """Neem de casussen uit de database samen (met bootstrap-intervallen), per interventie en gemeente."""
    from modellen.kostenbaten.casus import Effectencalculator
    from modellen.kostenbaten.casussen import CasussenAnalyse

    documenten = _lees_casussen_uit_db(interventie, gemeente, db)
    calc = Effectencalculator()
    resultaten = [
        calc.fit(doc, f"casus {doc.get('naam', i + 1)}") for i, doc in enumerate(documenten)
    ]
    samen = CasussenAnalyse(seed=seed).fit(resultaten)
    d = samen.to_dict()
    d["selectie"] = {"interventie": interventie, "gemeente": gemeente}
    if extrapoleer:
        d["extrapolatie"] = samen.extrapoleer(extrapoleer)
    if als_json:
        _print_json(d)
        return
    keuze = [interventie or "alle interventies"] + ([f"gemeente {gemeente}"] if gemeente else [])
    typer.echo(f"{', '.join(keuze)}: {samen.n} {'casus' if samen.n == 1 else 'casussen'} samengenomen")
    for rij in d["gemiddelden"]:
        typer.echo(
            f"  {rij['grootheid']:<20} gemiddeld {euro(rij['gemiddelde'])} "
            f"(95%-interval {euro(rij['ci_laag'])} tot {euro(rij['ci_hoog'])})"
        )
    typer.echo("  wie investeert, wie profiteert (gemiddeld per casus):")
    for rij in d["per_financier"]:
        typer.echo(f"    {rij['financier']:<18} {euro(rij['saldo_gemiddeld'])}  {rij['rol']}")
    if extrapoleer:
        e = d["extrapolatie"]
        typer.echo(
            f"  naar {extrapoleer} cliënten: {euro(e['verschil'])} "
            f"({euro(e['ci_laag'])} tot {euro(e['ci_hoog'])}). {e['waarschuwing']}"
        )


@app.command("programma")
def programma(
    bestand: Path = PROGRAMMA_BESTAND,
    als_json: bool = typer.Option(False, "--json", help="Uitvoer als JSON."),
    monte_carlo: int | None = typer.Option(
        None, "--monte-carlo", help="Aantal trekkingen (0 = geen; standaard 0, met --uit-data 10000)."
    ),
    seed: int = typer.Option(2026, "--seed", help="Seed voor de Monte Carlo."),
    uit_data: bool = typer.Option(
        False,
        "--uit-data",
        help="Vul bereik, deadweight en drop-off per uitkomst (met 'domein') uit de database.",
    ),
    periode: str | None = typer.Option(
        None, "--periode", help="Met --uit-data: alleen trajecten in 2025, 2024:2025 of 2024-01-01:2024-06-30."
    ),
    db: str | None = DB_OPTION,
) -> None:
    """Programma-MKBA/SROI: contante waarde van kosten en baten, SROI-ratio, break-evenjaar."""
    from impact.io.casus_bestand import lees_yaml_met_regels
    from modellen.kostenbaten.onzekerheid import MonteCarlo, Tornado, scenarios
    from modellen.kostenbaten.programma import ProgrammaMKBA

    if periode is not None and not uit_data:
        raise UserInputError(Problem("--periode", None, None, "--periode alleen samen met --uit-data"))
    gelezen = lees_yaml_met_regels(bestand, "een programma met naam, investeringen en uitkomsten")
    document, gemeten = gelezen.document, None
    if uit_data:
        gemeten = _programma_uit_database(document, gelezen.bestand, gelezen.regels, periode, db)
        document = gemeten.document
    resultaat = ProgrammaMKBA().fit(document, gelezen.bestand, gelezen.regels)
    d = resultaat.to_dict()
    tornado = Tornado().fit(resultaat.programma)
    d["gevoeligheid"] = tornado.to_dict()
    d["scenarios"] = scenarios(resultaat.programma).to_dict("records")
    trekkingen = (10_000 if uit_data else 0) if monte_carlo is None else monte_carlo
    mc = MonteCarlo(n=trekkingen, seed=seed).fit(resultaat.programma) if trekkingen else None
    if mc is not None:
        d["monte_carlo"] = mc.to_dict()
    if gemeten is not None:
        d["herkomst"] = _herkomst_records(gemeten, resultaat.programma)
    if als_json:
        _print_json(d)
        return
    o = Opmaak(huidige_taal())
    typer.echo(f"Programma: {d['naam']}  (prijslijst {d['prijslijst_versie']})")
    if gemeten is not None:
        _print_herkomst(o, d["herkomst"])
    typer.echo(f"  contante waarde kosten: {euro(d['pv_kosten'])}")
    typer.echo(f"  contante waarde baten:  {euro(d['pv_baten'])}")
    typer.echo(f"  netto contante waarde:  {euro(d['netto_contante_waarde'])}")
    ratio = d["sroi_ratio"]
    typer.echo(f"  SROI-ratio: {'-' if ratio is None else o.getal(ratio, 2)}")
    jaar = d["break_even_jaar"]
    typer.echo(f"  break-evenjaar: {'niet bereikt' if jaar is None else jaar}")
    for naam, waarde in d["per_begunstigde"].items():
        typer.echo(f"  baten {naam}: {euro(waarde)}")
    if gemeten is not None:
        _print_onzekerheid(o, tornado, mc)
    if d["zonder_bron"]:
        typer.echo(f"  Let op: geen bron bij {', '.join(d['zonder_bron'])}")


def _programma_uit_database(document, bestand: str, regels, periode: str | None, db: str | None):
    from impact import store
    from impact.cli.options import open_database
    from modellen.kostenbaten.gemeten import programma_uit_gegevens
    from rapporten.bron import Filters

    filters = Filters.maak(periode=periode)
    engine = open_database(db)
    return programma_uit_gegevens(
        document,
        store.analysis_frame(engine),
        store.read(engine, "trajecten"),
        periode=filters.periode,
        periode_tekst=filters.beschrijving(Opmaak(huidige_taal())).get("periode"),
        bestand=bestand,
        regels=regels,
    )


def _herkomst_records(gemeten, programma) -> list[dict]:
    """Per outcome and filled parameter: its value, where it came from and why."""
    rijen = []
    for rij in gemeten.herkomst.to_dict("records"):
        parameter = getattr(programma.uitkomsten[rij["index"]], rij["parameter"])
        rijen.append(
            rij
            | {
                "waarde": parameter.waarde,
                "min": parameter.min,
                "max": parameter.max,
                "bron": parameter.bron,
                "n_clienten": None if rij["n_clienten"] != rij["n_clienten"] else rij["n_clienten"],
            }
        )
    return rijen


PARAMETER_NAMEN = {
    "aantal": "aantal (bereik x aandeel verbeterd)",
    "deadweight": "deadweight",
    "attributie": "attributie",
    "drop_off": "drop-off per jaar",
}


def _print_herkomst(o: Opmaak, herkomst: list[dict]) -> None:
    typer.echo("  Waar elke parameter vandaan komt:")
    uitkomst = None
    for rij in herkomst:
        if rij["index"] != uitkomst:
            uitkomst = rij["index"]
            typer.echo(f"    {rij['uitkomst']}:")
        fractie = rij["parameter"] != "aantal"
        waarde = o.procent(rij["waarde"], 1) if fractie else o.getal(rij["waarde"], 2)
        band = ""
        if rij["min"] is not None and rij["max"] is not None:
            fmt = (lambda x: o.procent(x, 1)) if fractie else (lambda x: o.getal(x, 2))
            band = f" (bandbreedte {fmt(rij['min'])} tot {fmt(rij['max'])})"
        if rij["herkomst"] == "uit de gegevens":
            waar = f"uit de gegevens: {rij['bron']}"
        else:
            waar = f"uit het bestand ({rij['toelichting']}): {rij['bron']}"
        typer.echo(f"      {PARAMETER_NAMEN[rij['parameter']]}: {waarde}{band}, {waar}")


def _print_onzekerheid(o: Opmaak, tornado, mc) -> None:
    typer.echo("  Gevoeligheid (tornado: netto contante waarde bij de grenzen van één parameter):")
    for rij in tornado.tabel.head(5).itertuples():
        typer.echo(
            f"    {rij.omschrijving}: {euro(rij.uitkomst_laag)} tot {euro(rij.uitkomst_hoog)}"
        )
    if tornado.tabel.empty:
        typer.echo("    geen parameter met een bandbreedte")
    if mc is not None:
        v = mc.summary().set_index("uitkomst").loc["netto_contante_waarde"]
        typer.echo(
            f"  Monte Carlo ({o.getal(mc.n)} trekkingen, seed {mc.seed}): netto contante waarde "
            f"{euro(v['p5'])} tot {euro(v['p95'])} (90%-band, mediaan {euro(v['mediaan'])}); "
            f"kans op een positieve netto contante waarde {o.procent(mc.kans_positief())}"
        )
