"""Growth models: linear mixed models of a score over time since intake.

``GroeiModel`` fits a two-level model (measurements within clients) with a random
intercept, optionally a correlated random slope for time, fixed covariates and a
condition x time interaction (intervention vs comparison), by REML or ML, with lme4's
profiled deviance (Bates et al. 2015): the same optimum as ``lmer``.

The default engine ("snel", ``modellen._groei_kern``) reduces the data once to six sums per
client (n, sum t, sum t^2, sum y, sum t y, sum y^2) when condition and covariates are constant
within a client, or to per-client cross products otherwise; each deviance evaluation is then
closed-form 2 x 2 algebra over clients (milliseconds for 100,000 clients), with an analytic
gradient. Time is centred and scaled inside the fit, so age in days or calendar years work as
well as months; every number is reported on the user's scale. ``singulier`` flags a fit on
the boundary (a variance at 0 or a correlation of +-1), as lme4's ``isSingular``.
``fit_voldoende`` fits from the per-client sums alone, e.g. as computed inside the database
by ``impact.store.groei_statistieken``. A fit that cannot be done raises ``UserInputError``
saying why.

Not supported by the fast engine: more than two levels (e.g. clients within wijken),
crossed random effects, random slopes for covariates other than time, heteroscedastic or
autocorrelated residuals, non-Gaussian outcomes — for those use statsmodels' ``MixedLM``
(variance components) directly. ``engine="statsmodels"`` fits the same model through
``MixedLM``; ``GEEModel`` gives the population-average alternative (statsmodels GEE).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from statistics import NormalDist
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from impact.errors import UserInputError
from modellen import _groei_kern as kern
from modellen._groei_design import DesignSpec
from modellen._groei_invoer import check_columns, numeric
from modellen.basis import Estimator, Resultaat

if TYPE_CHECKING:
    import plotly.graph_objects as go

ENGINES = ("snel", "statsmodels")


@dataclass
class GroeiResultaat(Resultaat):
    """A fitted growth model. Variance parameters are on the score's own scale."""

    termen: list[str]
    beta: np.ndarray
    cov_beta: np.ndarray
    re_termen: list[str]
    re_cov: np.ndarray
    residu_sd: float
    deviance: float
    methode: str
    n_obs: int
    n_groepen: int
    engine: str
    geconvergeerd: bool
    spec: DesignSpec
    uitkomst: str
    groep: str
    singulier: bool = False
    n_evaluaties: int = 0
    random_per_client: pd.DataFrame | None = None
    _plotdata: pd.DataFrame | None = field(default=None, repr=False)
    tijd_bereik: tuple[float, float] | None = None

    @property
    def loglik(self) -> float:
        return -self.deviance / 2.0

    @property
    def n_parameters(self) -> int:
        q = len(self.re_termen)
        return len(self.termen) + q * (q + 1) // 2 + 1

    @property
    def aic(self) -> float:
        return self.deviance + 2 * self.n_parameters

    @property
    def bic(self) -> float:
        return self.deviance + np.log(self.n_obs) * self.n_parameters

    @property
    def se(self) -> np.ndarray:
        return np.sqrt(np.diag(self.cov_beta))

    @property
    def random_sd(self) -> np.ndarray:
        return np.sqrt(np.diag(self.re_cov))

    @property
    def random_corr(self) -> float | None:
        if len(self.re_termen) < 2:
            return None
        sd = self.random_sd
        return float(self.re_cov[0, 1] / (sd[0] * sd[1])) if sd[0] > 0 and sd[1] > 0 else 0.0

    def summary(self) -> pd.DataFrame:
        """Fixed effects: estimate, SE, z, p and 95% CI (Wald, as lme4/statsmodels print)."""
        return self.coefficient_table(self.termen, self.beta, self.se)

    def random_effecten(self) -> pd.DataFrame:
        rows = [{"term": t, "sd": float(s)} for t, s in zip(self.re_termen, self.random_sd, strict=True)]
        rows.append({"term": "Residu", "sd": self.residu_sd})
        return pd.DataFrame(rows)

    def _content(self) -> dict:
        re: dict = {"sd": dict(zip(self.re_termen, self.random_sd, strict=True))}
        if self.random_corr is not None:
            re["corr"] = self.random_corr
        return {
            "model": "lineair gemengd model",
            "uitkomst": self.uitkomst,
            "n_obs": self.n_obs,
            "n_groepen": self.n_groepen,
            "methode": self.methode,
            "engine": self.engine,
            "geconvergeerd": self.geconvergeerd,
            "singulier": self.singulier,
            "vaste_effecten": {
                row.term: {"schatting": row.schatting, "se": row.se, "p": row.p,
                           "ci": [row.ci_laag, row.ci_hoog]}
                for row in self.summary().itertuples()
            },
            "random_effecten": re,
            "residu_sd": self.residu_sd,
            "deviance": self.deviance,
            "loglik": self.loglik,
            "aic": self.aic,
            "bic": self.bic,
        }

    def voorspel(self, tijden: np.ndarray | list[float] | None = None) -> pd.DataFrame:
        """Population-mean trajectory per condition with a 95% CI (covariates at mean/reference).

        The CI reflects uncertainty in the fixed effects only (as lme4's predict with se.fit
        for the fixed part); it is not a prediction interval for an individual client.
        """
        if tijden is None:
            laag, hoog = self.tijd_bereik or (0.0, 1.0)
            tijden = np.linspace(laag, hoog, 25)
        conditions = self.spec.levels.get(self.spec.conditie, [None]) if self.spec.conditie else [None]
        crit = NormalDist().inv_cdf(0.975)
        frames = []
        for cond in conditions:
            frame = self.spec.reference_frame(np.asarray(tijden), cond)
            x, _ = self.spec.matrix(frame)
            mean = x @ self.beta
            se = np.sqrt(np.einsum("ij,jk,ik->i", x, self.cov_beta, x))
            frames.append(pd.DataFrame({
                self.spec.tijd: frame[self.spec.tijd], "conditie": cond if cond is not None else "alle",
                "voorspelling": mean, "se": se, "ci_laag": mean - crit * se, "ci_hoog": mean + crit * se,
            }))
        return pd.concat(frames, ignore_index=True)

    def plot(self, max_clienten: int = 60, seed: int = 0) -> go.Figure:
        """Spaghetti plot of a sample of clients plus the mean trajectory per condition."""
        import plotly.graph_objects as go

        fig = go.Figure()
        tijd = self.spec.tijd
        if self._plotdata is not None and len(self._plotdata):
            ids = self._plotdata[self.groep].drop_duplicates()
            ids = ids.sample(min(max_clienten, len(ids)), random_state=seed)
            sample = self._plotdata[self._plotdata[self.groep].isin(ids)]
            for _, rows in sample.groupby(self.groep, sort=False):
                rows = rows.sort_values(tijd)
                fig.add_trace(go.Scatter(x=rows[tijd], y=rows[self.uitkomst], mode="lines",
                                         line={"color": "rgba(120,120,120,0.25)", "width": 1},
                                         showlegend=False, hoverinfo="skip"))
        for cond, rows in self.voorspel().groupby("conditie", sort=False):
            fig.add_trace(go.Scatter(x=rows[tijd], y=rows["ci_hoog"], mode="lines", line={"width": 0},
                                     showlegend=False, hoverinfo="skip"))
            fig.add_trace(go.Scatter(x=rows[tijd], y=rows["ci_laag"], mode="lines", line={"width": 0},
                                     fill="tonexty", fillcolor="rgba(31,119,180,0.15)",
                                     showlegend=False, hoverinfo="skip"))
            fig.add_trace(go.Scatter(x=rows[tijd], y=rows["voorspelling"], mode="lines",
                                     line={"width": 3}, name=f"gemiddeld verloop: {cond}"))
        fig.update_layout(title=f"Verloop van {self.uitkomst} over {tijd}", xaxis_title=tijd,
                          yaxis_title=self.uitkomst, template="simple_white")
        return fig


class GroeiModel(Estimator):
    """Two-level linear mixed model of ``uitkomst`` over ``tijd`` within ``groep``.

    Parameters: ``conditie`` adds condition dummies and condition x time interactions;
    ``covariaten`` adds fixed covariates; ``random_helling`` adds a correlated random
    slope for time; ``methode`` is "REML" or "ML" (use ML to compare models that differ
    in fixed effects); ``engine`` "snel" (default) or "statsmodels" (MixedLM, as a check).
    """

    def __init__(
        self,
        *,
        uitkomst: str = "score",
        tijd: str = "maanden",
        groep: str = "client_id",
        conditie: str | None = None,
        covariaten: list[str] | tuple[str, ...] = (),
        random_helling: bool = False,
        methode: str = "REML",
        engine: str = "snel",
        referentie: str | None = None,
    ) -> None:
        self.uitkomst, self.tijd, self.groep = uitkomst, tijd, groep
        self.conditie, self.covariaten = conditie, covariaten
        self.random_helling, self.methode, self.engine = random_helling, methode, engine
        self.referentie = referentie

    def _method(self) -> str:
        methode = str(self.methode).upper()
        if methode not in ("REML", "ML"):
            raise UserInputError(f"methode moet 'REML' of 'ML' zijn, niet {self.methode!r}")
        if self.engine not in ENGINES:
            raise UserInputError(f"engine moet een van {ENGINES} zijn, niet {self.engine!r}")
        return methode

    def _prepare(self, df: pd.DataFrame, bron: str, check_groups: bool = True) -> pd.DataFrame:
        cols = list(dict.fromkeys([self.uitkomst, self.tijd, self.groep, *self.covariaten,
                                   *([self.conditie] if self.conditie else [])]))
        check_columns(df, cols, numeric=[self.uitkomst, self.tijd], bron=bron)
        data = df[cols]
        if not all(pd.api.types.is_numeric_dtype(data[c]) for c in (self.uitkomst, self.tijd)):
            data = numeric(data, [self.uitkomst, self.tijd])
        missing = None
        for col in cols:
            na = data[col].isna().to_numpy()
            if na.any():
                missing = na if missing is None else missing | na
        if missing is not None:
            data = data[~missing]
        if check_groups and data[self.groep].nunique() < 2:
            raise UserInputError(f"{bron}: te weinig groepen in kolom '{self.groep}' voor een gemengd model")
        return data

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> GroeiResultaat:
        """Fit on measurement rows (one row per client and moment)."""
        methode = self._method()
        data = self._prepare(df, bron, check_groups=False)
        y = data[self.uitkomst].to_numpy(dtype=float)
        t = data[self.tijd].to_numpy(dtype=float)
        for naam, values in ((self.uitkomst, y), (self.tijd, t)):
            if not np.isfinite(values).all():
                raise UserInputError(f"{bron}: kolom '{naam}' bevat een oneindige waarde")
        codes, uniques = pd.factorize(data[self.groep])
        if len(uniques) < 2:
            raise UserInputError(f"{bron}: te weinig groepen in kolom '{self.groep}' voor een gemengd model")
        if self.engine == "statsmodels":
            return self._fit_met_statsmodels(data, y, codes, uniques, methode)
        g = len(uniques)
        centrum, schaal = float(t.mean()), float(t.std())
        y_centrum = float(y.mean())
        self._check_counts(len(y), g, schaal, float(np.abs(y - y_centrum).max()), bron)
        tc = (t - centrum) / schaal
        yc = y - y_centrum
        columns = [*self.covariaten, *([self.conditie] if self.conditie else [])]
        last = np.empty(g, dtype=np.int64)
        last[codes] = np.arange(len(codes))
        per_client = {col: data[col].to_numpy()[last] for col in columns}
        constant = all(np.array_equal(data[col].to_numpy(), per_client[col][codes]) for col in columns)
        if constant:
            n = np.bincount(codes, minlength=g).astype(float)
            sums = [np.bincount(codes, w, minlength=g) for w in (tc, tc * tc, yc, tc * yc, yc * yc)]
            clients = pd.DataFrame(per_client)
            clients[self.groep] = uniques
            return self._fit_clients(clients, n, *sums, centrum, schaal, y_centrum, methode, bron,
                                     plotdata=data, tijd_bereik=(float(t.min()), float(t.max())))
        spec = DesignSpec(self.tijd, self.conditie, list(self.covariaten))
        spec.learn(data, self.referentie)
        x_user, names = spec.matrix(data)
        q_map = spec.standardisation(names, centrum, schaal)
        st = kern.row_stats(yc, _times(x_user, q_map), tc, codes, g, 2 if self.random_helling else 1)
        return self._finish(st, spec, names, q_map, centrum, schaal, y_centrum, methode, bron,
                            groepen=uniques, plotdata=data, tijd_bereik=(float(t.min()), float(t.max())))

    def fit_voldoende(self, stats: pd.DataFrame, bron: str = "voldoende statistieken") -> GroeiResultaat:
        """Fit from per-client sufficient statistics instead of measurement rows.

        ``stats`` has one row per client: the group column, ``n`` (number of measurements),
        ``som_t``, ``som_tt``, ``som_y``, ``som_ty``, ``som_yy`` (sums of time, time squared,
        outcome, time x outcome and outcome squared over the client's measurements) and the
        condition and covariate columns, which must be constant within a client. This is what
        ``impact.store.groei_statistieken`` computes with one SQL GROUP BY; the estimates are
        those of ``fit`` on the rows themselves. Sum time from a nearby origin (months since
        start, not calendar years): the centring here works on the sums.
        """
        methode = self._method()
        if self.engine != "snel":
            raise UserInputError("fit_voldoende kan alleen met engine='snel'")
        sommen = ["n", *SOMMEN]
        columns = [self.groep, *self.covariaten, *([self.conditie] if self.conditie else [])]
        check_columns(stats, [*columns, *sommen], numeric=sommen, bron=bron)
        data = numeric(stats[[*columns, *sommen]], sommen)
        if data[sommen].isna().any().any() or not np.isfinite(data[sommen].to_numpy(float)).all():
            raise UserInputError(f"{bron}: de sommen bevatten lege of oneindige waarden")
        data = data.dropna()
        if data[self.groep].duplicated().any():
            dubbel = data.loc[data[self.groep].duplicated(), self.groep].iloc[0]
            raise UserInputError(f"{bron}: cliënt {dubbel!r} staat meer dan eens in de statistieken")
        n = data["n"].to_numpy(dtype=float)
        if (n < 1).any() or (n != np.round(n)).any():
            raise UserInputError(f"{bron}: kolom 'n' moet per cliënt een positief geheel aantal zijn")
        s_t, s_tt, s_y, s_ty, s_yy = (data[c].to_numpy(dtype=float) for c in SOMMEN)
        total = n.sum()
        centrum = float(s_t.sum() / total)
        var = float(s_tt.sum() / total - centrum**2)
        schaal = float(np.sqrt(max(var, 0.0)))
        y_centrum = float(s_y.sum() / total)
        spreiding_y = float(np.sqrt(max(s_yy.sum() / total - y_centrum**2, 0.0)))
        self._check_counts(int(total), len(data), schaal if var > 1e-12 * max(centrum**2, 1.0) else 0.0,
                           spreiding_y, bron)
        # sums of t' = (t - centrum) / schaal and y' = y - y_centrum
        st_c = (s_t - n * centrum) / schaal
        stt_c = (s_tt - 2 * centrum * s_t + n * centrum**2) / schaal**2
        sy_c = s_y - n * y_centrum
        sty_c = (s_ty - centrum * s_y) / schaal - y_centrum * st_c
        syy_c = s_yy - 2 * y_centrum * s_y + n * y_centrum**2
        clients = data[columns].reset_index(drop=True)
        return self._fit_clients(clients, n, st_c, stt_c, sy_c, sty_c, syy_c, centrum, schaal, y_centrum,
                                 methode, bron, plotdata=None, tijd_bereik=None)

    def _check_counts(self, n_obs: int, n_groups: int, schaal: float, spreiding_y: float, bron: str) -> None:
        """The checks lme4 makes before fitting, said in Dutch."""
        if n_obs <= n_groups:
            raise UserInputError(
                f"{bron}: {n_obs} metingen voor {n_groups} cliënten; een gemengd model heeft van "
                "minstens een deel van de cliënten twee of meer metingen nodig")
        if self.random_helling and n_obs <= 2 * n_groups:
            raise UserInputError(
                f"{bron}: {n_obs} metingen voor {n_groups} cliënten is te weinig voor een random helling "
                f"(meer dan {2 * n_groups} nodig, twee per cliënt en meer); laat de random helling weg")
        if not schaal > 0:
            raise UserInputError(f"{bron}: kolom '{self.tijd}' heeft overal dezelfde waarde; "
                                 "een groeimodel heeft metingen op verschillende momenten nodig")
        if not spreiding_y > 0:
            raise UserInputError(f"{bron}: kolom '{self.uitkomst}' heeft overal dezelfde waarde; "
                                 "er valt niets te modelleren")

    def _fit_clients(self, clients: pd.DataFrame, n: np.ndarray, st_c: np.ndarray, stt_c: np.ndarray,
                     sy_c: np.ndarray, sty_c: np.ndarray, syy_c: np.ndarray, centrum: float, schaal: float,
                     y_centrum: float, methode: str, bron: str, plotdata: pd.DataFrame | None,
                     tijd_bereik: tuple[float, float] | None) -> GroeiResultaat:
        """Fit when condition and covariates are constant within a client (six sums per client)."""
        spec = DesignSpec(self.tijd, self.conditie, list(self.covariaten))
        spec.learn(clients, self.referentie, gewichten=n)
        frame = clients.assign(**{self.tijd: 0.0})
        a_user, names = spec.matrix(frame)
        b_user = spec.matrix(frame.assign(**{self.tijd: 1.0}))[0] - a_user
        q_map = spec.standardisation(names, centrum, schaal)
        # x = a + b t with t = centrum + schaal t': internal x Q = (a + centrum b) Q + schaal b Q t'
        a_int = _times(a_user + centrum * b_user, q_map)
        b_int = schaal * _times(b_user, q_map)
        if any(c in spec.means for c in self.covariaten):
            kk = np.arange(len(clients))  # numeric covariates: every client its own design row
        else:
            # design rows differ only in their 0/1 dummies: number the dummy patterns
            dummies = [i for i, name in enumerate(names) if "[T." in name and ":" not in name]
            key = np.zeros(len(clients), dtype=np.int64)
            for bit, i in enumerate(dummies[:62]):
                key |= a_user[:, i].astype(np.int64) << bit
            kk = pd.factorize(key)[0] if dummies else np.zeros(len(clients), dtype=np.intp)
            if len(dummies) > 62:
                kk = np.arange(len(clients))
        st = kern.client_stats(n, st_c, stt_c, sy_c, sty_c, syy_c, a_int, b_int, kk,
                               2 if self.random_helling else 1)
        return self._finish(st, spec, names, q_map, centrum, schaal, y_centrum, methode, bron,
                            groepen=clients[self.groep].to_numpy(), plotdata=plotdata, tijd_bereik=tijd_bereik)

    def _finish(self, st: kern.SufficientStats, spec: DesignSpec, names: list[str], q_map: np.ndarray,
                centrum: float, schaal: float, y_centrum: float, methode: str, bron: str,
                groepen: np.ndarray, plotdata: pd.DataFrame | None,
                tijd_bereik: tuple[float, float] | None) -> GroeiResultaat:
        p = st.p
        if st.n_obs <= p:
            raise UserInputError(f"{bron}: {st.n_obs} metingen is te weinig voor {p} vaste effecten")
        xtx = st.full[:p, :p]
        d = np.sqrt(np.diag(xtx))
        if not (d > 0).all() or np.linalg.eigvalsh(xtx / np.outer(d, d)).min() < 1e-10:
            raise UserInputError(f"{bron}: de verklarende variabelen zijn lineair afhankelijk ({', '.join(names)})")
        try:
            out = kern.fit(st, reml=methode == "REML")
        except kern.NietPositiefDefiniet as exc:
            raise UserInputError(
                f"{bron}: het model is niet te schatten: de vaste effecten ({', '.join(names)}) zijn "
                "binnen cliënten (bijna) lineair afhankelijk") from exc
        prof = out.prof
        if not np.isfinite(prof.deviance):
            raise UserInputError(f"{bron}: het model is niet te schatten (de likelihood is niet eindig)")
        q = st.q
        beta = q_map @ prof.beta
        beta[0] += y_centrum
        cov_beta = prof.sigma2 * q_map @ np.linalg.inv(prof.rx_gram) @ q_map.T
        cov_beta = (cov_beta + cov_beta.T) / 2
        deviance = prof.deviance
        if methode == "REML":
            deviance -= 2.0 * float(np.log(np.abs(np.diag(q_map))).sum())  # det Q: triangular-like map
        r_inv = np.array([[1.0, -centrum / schaal], [0.0, 1.0 / schaal]])[:q, :q]
        re_cov = r_inv @ (prof.sigma2 * prof.lam @ prof.lam.T) @ r_inv.T
        re_names = ["Intercept", self.tijd][:q]
        modes = kern.conditional_modes(prof, st)
        blups = pd.DataFrame({self.groep: groepen})
        for j, name in enumerate(re_names):
            blups[name] = sum(r_inv[j, k] * modes[:, k] for k in range(q))
        if not out.converged:
            warnings.warn("het groeimodel is niet volledig geconvergeerd", stacklevel=3)
        return GroeiResultaat(
            termen=names, beta=beta, cov_beta=cov_beta, re_termen=re_names, re_cov=np.atleast_2d(re_cov),
            residu_sd=float(np.sqrt(prof.sigma2)), deviance=float(deviance), methode=methode,
            n_obs=st.n_obs, n_groepen=st.n_groups, engine=self.engine, geconvergeerd=bool(out.converged),
            spec=spec, uitkomst=self.uitkomst, groep=self.groep, singulier=out.singulier,
            n_evaluaties=out.n_iter, random_per_client=blups, _plotdata=plotdata, tijd_bereik=tijd_bereik,
        )

    def _fit_met_statsmodels(self, data: pd.DataFrame, y: np.ndarray, codes: np.ndarray, uniques,
                             methode: str) -> GroeiResultaat:
        spec = DesignSpec(self.tijd, self.conditie, list(self.covariaten))
        spec.learn(data, self.referentie)
        x, names = spec.matrix(data)
        if np.linalg.matrix_rank(x) < x.shape[1]:
            raise UserInputError(f"de verklarende variabelen zijn lineair afhankelijk ({', '.join(names)})")
        z = x[:, :2] if self.random_helling else x[:, :1]
        beta, cov_beta, re_cov, sigma2, dev, conv = _fit_statsmodels(y, x, z, codes, methode == "REML")
        if not conv:
            warnings.warn("het groeimodel is niet volledig geconvergeerd", stacklevel=3)
        re_names = ["Intercept", self.tijd][: z.shape[1]]
        re_cov = np.atleast_2d(re_cov)
        sd = np.sqrt(np.clip(np.diag(re_cov), 0, None))
        singulier = bool(sd.min() < kern.SINGULIER_TOL * np.sqrt(sigma2))
        t = data[self.tijd]
        return GroeiResultaat(
            termen=names, beta=np.asarray(beta), cov_beta=np.asarray(cov_beta), re_termen=re_names,
            re_cov=re_cov, residu_sd=float(np.sqrt(sigma2)), deviance=float(dev), methode=methode,
            n_obs=len(y), n_groepen=len(uniques), engine=self.engine, geconvergeerd=bool(conv), spec=spec,
            uitkomst=self.uitkomst, groep=self.groep, singulier=singulier, n_evaluaties=0,
            random_per_client=None, _plotdata=data, tijd_bereik=(float(t.min()), float(t.max())),
        )


SOMMEN = ("som_t", "som_tt", "som_y", "som_ty", "som_yy")


def _times(x: np.ndarray, q_map: np.ndarray) -> np.ndarray:
    """x @ q_map for a tall x and a sparse upper-triangular q_map, column by column.

    Avoids a BLAS call whose threads stall on a busy machine (10x slower than this loop).
    """
    out = np.empty_like(x, dtype=float)
    for j in range(q_map.shape[1]):
        rows = np.flatnonzero(q_map[:, j])
        col = x[:, rows[0]] * q_map[rows[0], j]
        for i in rows[1:]:
            col = col + x[:, i] * q_map[i, j]
        out[:, j] = col
    return out


def _fit_statsmodels(y, x, z, codes, reml: bool):
    from statsmodels.regression.mixed_linear_model import MixedLM

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = MixedLM(y, x, groups=codes, exog_re=z).fit(reml=reml, method=["lbfgs"])
    p = x.shape[1]
    cov_beta = np.asarray(res.cov_params())[:p, :p]
    return (np.asarray(res.fe_params), cov_beta, np.asarray(res.cov_re), float(res.scale),
            -2 * float(res.llf), bool(res.converged))


def lr_toets(klein: GroeiResultaat, groot: GroeiResultaat) -> dict:
    """Likelihood-ratio test between nested models (``klein`` nested in ``groot``).

    Models that differ in fixed effects must be fitted by ML. When the larger model adds a
    variance parameter the null value lies on the boundary; the chi-square p-value is then
    conservative (the correct reference is a 50:50 chi-square mixture), reported as well.
    """
    if klein.methode != groot.methode:
        raise UserInputError("beide modellen moeten met dezelfde methode (REML of ML) geschat zijn")
    if klein.methode == "REML" and klein.termen != groot.termen:
        raise UserInputError(
            "modellen met verschillende vaste effecten alleen vergelijken met ML (methode='ML')"
        )
    df = groot.n_parameters - klein.n_parameters
    if df <= 0:
        raise UserInputError("het tweede model moet meer parameters hebben dan het eerste")
    from scipy import special

    chi2 = max(klein.deviance - groot.deviance, 0.0)
    p = float(special.chdtrc(df, chi2))
    out = {"chi2": chi2, "df": int(df), "p": p, "aic_klein": klein.aic, "aic_groot": groot.aic}
    if len(groot.re_termen) > len(klein.re_termen):
        out["p_mengsel"] = float(0.5 * special.chdtrc(df, chi2) + 0.5 * special.chdtrc(df - 1, chi2))
    return out


@dataclass
class GEEResultaat(Resultaat):
    termen: list[str]
    beta: np.ndarray
    se: np.ndarray
    correlatie: str
    n_obs: int
    n_groepen: int

    def summary(self) -> pd.DataFrame:
        return self.coefficient_table(self.termen, self.beta, self.se)

    def _content(self) -> dict:
        return {"model": "GEE", "correlatie": self.correlatie, "n_obs": self.n_obs,
                "n_groepen": self.n_groepen,
                "vaste_effecten": {r.term: {"schatting": r.schatting, "se": r.se}
                                   for r in self.summary().itertuples()}}

    def plot(self) -> go.Figure:
        return self.forest_plot(self.summary(), titel="GEE: vaste effecten")


class GEEModel(Estimator):
    """Population-average model (statsmodels GEE, robust SEs) with the same design as GroeiModel."""

    def __init__(self, *, uitkomst: str = "score", tijd: str = "maanden", groep: str = "client_id",
                 conditie: str | None = None, covariaten: list[str] | tuple[str, ...] = (),
                 correlatie: str = "exchangeable") -> None:
        self.uitkomst, self.tijd, self.groep = uitkomst, tijd, groep
        self.conditie, self.covariaten, self.correlatie = conditie, covariaten, correlatie

    def fit(self, df: pd.DataFrame, bron: str = "invoer") -> GEEResultaat:
        import statsmodels.api as sm

        if self.correlatie not in ("exchangeable", "independence", "ar1"):
            raise UserInputError("correlatie moet 'exchangeable', 'independence' of 'ar1' zijn")
        m = GroeiModel(uitkomst=self.uitkomst, tijd=self.tijd, groep=self.groep,
                       conditie=self.conditie, covariaten=self.covariaten)
        data = m._prepare(df, bron).sort_values([m.groep, m.tijd])
        spec = DesignSpec(m.tijd, m.conditie, list(m.covariaten))
        spec.learn(data)
        x, names = spec.matrix(data)
        codes, uniques = pd.factorize(data[m.groep])
        structure = {"exchangeable": sm.cov_struct.Exchangeable(),
                     "independence": sm.cov_struct.Independence(),
                     "ar1": sm.cov_struct.Autoregressive(grid=True)}[self.correlatie]
        kwargs = {"time": data[m.tijd].to_numpy()} if self.correlatie == "ar1" else {}
        res = sm.GEE(data[m.uitkomst].to_numpy(float), x, groups=codes, cov_struct=structure,
                     **kwargs).fit()
        return GEEResultaat(names, np.asarray(res.params), np.asarray(res.bse), self.correlatie,
                            len(data), len(uniques))

