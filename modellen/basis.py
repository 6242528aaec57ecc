"""The one shared base of every model: the estimator convention and the result mixin.

An estimator takes keyword-only parameters and stores them as given (no I/O, no validation:
that happens in ``fit``); ``get_params()`` reads them back from the ``__init__`` signature,
as in scikit-learn. A result says what it holds in ``_content()``; the mixin turns that into
JSON-safe ``to_dict()`` output, and offers the one coefficient table and forest plot the
models share. ``summary()`` returns a DataFrame and ``plot()`` a plotly Figure.
"""

from __future__ import annotations

import datetime as dt
import inspect
import math
from abc import ABC, abstractmethod
from collections.abc import Mapping
from decimal import Decimal
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # plotly is imported where a figure is made: a CLI run without one skips it
    import plotly.graph_objects as go


class Estimator:
    """Base for models: configure in the constructor, compute in ``fit``."""

    @classmethod
    def _param_names(cls) -> list[str]:
        signature = inspect.signature(cls.__init__)
        return [
            name
            for name, p in signature.parameters.items()
            if name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        ]

    def get_params(self) -> dict[str, Any]:
        """The constructor's parameters with the values stored, by name."""
        return {name: getattr(self, name) for name in self._param_names()}

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"


def json_safe(value: Any) -> Any:
    """A JSON-safe copy: NaN/NaT/inf -> None, numpy scalars -> Python, dates -> ISO strings,
    Decimal -> float, frames -> lists of records, mappings and sequences recursively."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, np.generic):
        return json_safe(value.item())
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, pd.Timedelta | dt.timedelta):
        return str(value)
    if isinstance(value, pd.DataFrame):
        return [json_safe(r) for r in value.to_dict(orient="records")]
    if isinstance(value, pd.Series):
        return json_safe(value.to_dict())
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset | np.ndarray):
        return [json_safe(v) for v in value]
    return value


class Resultaat(ABC):
    """Mixin for fitted results: JSON-safe ``to_dict``, a coefficient table, a forest plot."""

    @abstractmethod
    def _content(self) -> dict:
        """What the result holds, as a plain dict (DataFrames and numpy values allowed)."""

    @abstractmethod
    def summary(self) -> pd.DataFrame:
        """The result's main table."""

    @abstractmethod
    def plot(self) -> go.Figure:
        """The result's main figure."""

    def to_dict(self) -> dict:
        """JSON-safe content: Dutch keys, no NaN, no numpy types, dates as ISO strings."""
        return json_safe(self._content())

    @staticmethod
    def coefficient_table(
        termen: list[str],
        schatting: np.ndarray,
        se: np.ndarray,
        df: float | None = None,
        niveau: float = 0.95,
    ) -> pd.DataFrame:
        """term, schatting, se, z (t when ``df`` is given), p and CI (Wald, two-sided)."""
        schatting = np.asarray(schatting, dtype=float)
        se = np.asarray(se, dtype=float)
        ratio = schatting / se
        tail = 1 - (1 - niveau) / 2
        if df is None:  # the normal distribution from the standard library: no scipy.special at start-up
            crit = NormalDist().inv_cdf(tail)
            upper = np.array([0.5 * math.erfc(abs(r) / math.sqrt(2)) if np.isfinite(r) else np.nan for r in ratio])
        else:
            from scipy import special

            crit = special.stdtrit(df, tail)
            upper = special.stdtr(df, -np.abs(ratio))
        return pd.DataFrame(
            {
                "term": list(termen),
                "schatting": schatting,
                "se": se,
                "z" if df is None else "t": ratio,
                "p": 2 * upper,
                "ci_laag": schatting - crit * se,
                "ci_hoog": schatting + crit * se,
            }
        )

    @staticmethod
    def forest_plot(tabel: pd.DataFrame, titel: str = "Effecten", label: str = "term") -> go.Figure:
        """Forest plot of a table with columns schatting, ci_laag, ci_hoog and a label column."""
        import plotly.graph_objects as go

        fig = go.Figure(
            go.Scatter(
                x=tabel["schatting"],
                y=tabel[label].astype(str),
                mode="markers",
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": tabel["ci_hoog"] - tabel["schatting"],
                    "arrayminus": tabel["schatting"] - tabel["ci_laag"],
                },
            )
        )
        fig.add_vline(x=0, line_dash="dot")
        fig.update_layout(title=titel, xaxis_title="schatting (95%-BI)", template="simple_white")
        return fig
