"""The container the demo generator returns: one tidy DataFrame per table of the data contract."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class DemoWorld:
    """A synthetic region, built in memory; ``impact.store.write_world`` puts it in a database.

    Column names and dtypes follow ``/notes/contract.md``. ``identiteiten`` holds the fake
    personal data planted in ``verhalen``; it must never leave the database.
    """

    organisaties: pd.DataFrame
    clienten: pd.DataFrame
    identiteiten: pd.DataFrame
    interventies: pd.DataFrame
    trajecten: pd.DataFrame
    metingen: pd.DataFrame
    gebeurtenissen: pd.DataFrame
    verhalen: pd.DataFrame
    casussen: list[dict] = field(default_factory=list)
    # the coded subset: the ZRM start codebook and two coders' codings of ~10% of client stories
    codes: pd.DataFrame = field(default_factory=pd.DataFrame)
    coderingen: pd.DataFrame = field(default_factory=pd.DataFrame)
    # what each story was generated to say (per stance sentence) and its register; for tests
    # and for checking a stance classifier, not part of the data contract
    bedoelingen: pd.DataFrame = field(default_factory=pd.DataFrame)
    registers: pd.DataFrame = field(default_factory=pd.DataFrame)

    def tabellen(self) -> dict[str, pd.DataFrame]:
        """The DataFrame tables by contract name (``casussen`` is a list and is left out;
        ``bedoelingen`` and ``registers`` describe the generator, not the data)."""
        return {
            name: getattr(self, name)
            for name in (
                "organisaties",
                "clienten",
                "identiteiten",
                "interventies",
                "trajecten",
                "metingen",
                "gebeurtenissen",
                "verhalen",
                "codes",
                "coderingen",
            )
        }
