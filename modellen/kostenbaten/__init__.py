"""Kosten en baten: Effectencalculator cases and programme MKBA/SROI.

- ``prijslijst``: the sourced Dutch price list, user overrides, CPI indexing, version
- ``casus``: one case (two scenarios on a timeline), priced to the cent
- ``casussen``: several cases together (bootstrap, drivers, wrong pocket, extrapolation)
- ``programma``: outcomes × clients × proxy with deadweight, attribution, displacement, drop-off
- ``onzekerheid``: tornado, named scenarios, seeded vectorised Monte Carlo
- ``figuren``: plotly figures from plain DataFrames (imports none of its siblings)
"""

from modellen.kostenbaten.casus import CasusResultaat, Effectencalculator, valideer_casus
from modellen.kostenbaten.casussen import CasussenAnalyse, CasussenResultaat
from modellen.kostenbaten.onzekerheid import MonteCarlo, MonteCarloResultaat, Tornado, TornadoResultaat
from modellen.kostenbaten.prijslijst import Prijslijst, standaard_prijslijst
from modellen.kostenbaten.programma import ProgrammaMKBA, ProgrammaResultaat, valideer_programma

__all__ = [
    "CasusResultaat", "CasussenAnalyse", "CasussenResultaat", "Effectencalculator", "MonteCarlo",
    "MonteCarloResultaat", "Prijslijst", "ProgrammaMKBA", "ProgrammaResultaat", "Tornado",
    "TornadoResultaat", "standaard_prijslijst", "valideer_casus", "valideer_programma",
]
