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
    monte_carlo: int = typer.Option(0, "--monte-carlo", help="Aantal trekkingen (0 = geen)."),
    seed: int = typer.Option(2026, "--seed", help="Seed voor de Monte Carlo."),
) -> None:
    """Programma-MKBA/SROI: contante waarde van kosten en baten, SROI-ratio, break-evenjaar."""
    from impact.io.casus_bestand import lees_yaml_met_regels
    from modellen.kostenbaten.onzekerheid import MonteCarlo, Tornado, scenarios
    from modellen.kostenbaten.programma import ProgrammaMKBA

    gelezen = lees_yaml_met_regels(bestand, "een programma met naam, investeringen en uitkomsten")
    resultaat = ProgrammaMKBA().fit(gelezen.document, gelezen.bestand, gelezen.regels)
    d = resultaat.to_dict()
    d["gevoeligheid"] = Tornado().fit(resultaat.programma).to_dict()
    d["scenarios"] = scenarios(resultaat.programma).to_dict("records")
    if monte_carlo:
        d["monte_carlo"] = MonteCarlo(n=monte_carlo, seed=seed).fit(resultaat.programma).to_dict()
    if als_json:
        _print_json(d)
        return
    typer.echo(f"Programma: {d['naam']}  (prijslijst {d['prijslijst_versie']})")
    typer.echo(f"  contante waarde kosten: {euro(d['pv_kosten'])}")
    typer.echo(f"  contante waarde baten:  {euro(d['pv_baten'])}")
    typer.echo(f"  netto contante waarde:  {euro(d['netto_contante_waarde'])}")
    ratio = d["sroi_ratio"]
    typer.echo(f"  SROI-ratio: {'-' if ratio is None else Opmaak(huidige_taal()).getal(ratio, 2)}")
    jaar = d["break_even_jaar"]
    typer.echo(f"  break-evenjaar: {'niet bereikt' if jaar is None else jaar}")
    for naam, waarde in d["per_begunstigde"].items():
        typer.echo(f"  baten {naam}: {euro(waarde)}")
    if d["zonder_bron"]:
        typer.echo(f"  Let op: geen bron bij {', '.join(d['zonder_bron'])}")
