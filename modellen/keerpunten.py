"""Keerpunten: reliable jumps between consecutive measurements of one client and domain.

A jump is a keerpunt when |score - vorige score| exceeds 1.96 * S_diff, the Jacobson-Truax
standard error of a difference (S_diff = sqrt(2) * SD * sqrt(1 - r_xx), SD = baseline SD of
the domain). The tidy table is what the stories module uses to ask "what happened here?".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from modellen._groei_invoer import check_columns, numeric
from modellen.betrouwbare_verandering import Z_CRIT, BetrouwbareVerandering, s_diff

COLUMNS = ["client_id", "domein", "datum", "vorige_datum", "vorige_score", "score", "verschil",
           "rci", "richting", "betekenis"]


def keerpunten(
    df: pd.DataFrame,
    instrument: str | None = None,
    betrouwbaarheid: float | None = None,
    uitkomst: str = "score",
    tijd: str = "datum",
    groep: str = "client_id",
    domein: str | None = "domein",
    hoger_is_beter: bool | None = None,
    bron: str = "invoer",
) -> pd.DataFrame:
    """Tidy table: client_id, domein, datum, vorige_datum, vorige_score, score, verschil, rci,
    richting ('omhoog'/'omlaag') and betekenis ('verbetering'/'verslechtering').

    Reliability: as in ``BetrouwbareVerandering`` (explicit, else instrument, else assumed);
    the value used is in ``table.attrs['betrouwbaarheid']`` and its source in
    ``table.attrs['bron_betrouwbaarheid']``.
    """
    domein = domein if domein and domein in df.columns else None
    check_columns(df, [uitkomst, tijd, groep], numeric=[uitkomst], bron=bron)
    rc = BetrouwbareVerandering(instrument=instrument, betrouwbaarheid=betrouwbaarheid,
                                hoger_is_beter=hoger_is_beter)
    data = numeric(df, [uitkomst]).dropna(subset=[uitkomst, tijd])
    data = data.assign(_dom=data[domein] if domein else "alle")
    data = data.sort_values([groep, "_dom", tijd], kind="stable")
    is_first = ~data.duplicated([groep, "_dom"])
    sd = data[is_first].groupby("_dom")[uitkomst].std(ddof=1)
    sdiff = sd.map(lambda s: s_diff(s, rc.betrouwbaarheid))
    prev = data.groupby([groep, "_dom"])[[uitkomst, tijd]].shift(1)
    out = pd.DataFrame({
        "client_id": data[groep], "domein": data["_dom"], "datum": data[tijd],
        "vorige_datum": prev[tijd], "vorige_score": prev[uitkomst], "score": data[uitkomst],
    })
    out["verschil"] = out["score"] - out["vorige_score"]
    out["rci"] = out["verschil"] / out["domein"].map(sdiff)
    out = out[out["rci"].abs() > Z_CRIT].copy()
    out["richting"] = np.where(out["verschil"] > 0, "omhoog", "omlaag")
    up_good = rc.hoger_is_beter
    out["betekenis"] = np.where((out["verschil"] > 0) == up_good, "verbetering", "verslechtering")
    out = out[COLUMNS].reset_index(drop=True)
    out.attrs["betrouwbaarheid"] = rc.betrouwbaarheid
    out.attrs["bron_betrouwbaarheid"] = rc.reliability_source
    out.attrs["s_diff"] = {str(k): float(v) for k, v in sdiff.items()}
    return out
