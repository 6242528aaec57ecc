"""The demo world's programme file: a programme MKBA of Schuldhulpverlening whose reach,
deadweight and drop-off come from the demo's measurements (``data/programma.yaml``)."""

from __future__ import annotations

from importlib import resources

from impact.io.casus_bestand import CasusBestand, lees_yaml_met_regels

BESTAND = "programma.yaml"


def demo_programma() -> CasusBestand:
    """The shipped programme file, read by the one YAML reader (document, lines, file name)."""
    with resources.as_file(resources.files("impact.demo.data") / BESTAND) as pad:
        return lees_yaml_met_regels(pad, "een programma met naam, investeringen en uitkomsten")
