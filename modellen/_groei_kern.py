"""Profiled (RE)ML deviance of a two-level linear mixed model, vectorised over clients.

The model follows lme4's formulation (Bates et al. 2015, J. Stat. Softw. 67(1)): the random
effects are b_i = Lambda u_i with u_i ~ N(0, sigma^2 I), so the covariance of b_i is
sigma^2 S with S = Lambda Lambda' (Lambda lower-triangular, parameters theta). For a given
theta the fixed effects and sigma^2 have closed forms, which leaves a small optimisation over
theta (one or three numbers).

Clients are independent and have at most two random terms (intercept, time), so everything
the deviance needs is, per client i, the 2 x 2 matrix A_i = Z_i'Z_i and the 2 x (p+1) matrix
C_i = Z_i'[X_i y_i], plus the global (p+1) x (p+1) cross product [X y]'[X y]. These are
computed once: ``row_stats`` from observation rows (any design), ``client_stats`` from six
sums per client when condition and covariates are constant within a client (then
C_i = A_i D_i' for the client's design pattern D_i, and the design enters per pattern). With P_i = I + A_i S, H_i = I + Z_i S Z_i':

  log|H_i| = log|P_i|,   Z_i'H_i^-1 = P_i^-1 Z_i',   [X y]'H^-1[X y] = [X y]'[X y] - sum C_i' T_i C_i

with T_i = S P_i^-1 (symmetric). One deviance evaluation is therefore closed-form 2 x 2
algebra on long vectors over clients plus one small matrix product: milliseconds for
100,000 clients. The analytic gradient uses the same blocks.

Time enters the kernel centred and scaled (``modellen.groei`` does that), so theta is of
order one whatever the user's time unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SINGULIER_TOL = 1e-4  # lme4's isSingular default tolerance on the relative Cholesky diagonal


@dataclass(frozen=True)
class SufficientStats:
    """Per-client blocks; q random terms (1 or 2), p fixed terms, G clients.

    ``a`` holds the distinct entries of Z_i'Z_i as vectors over clients: (n,) for q = 1,
    (n, sum t, sum t^2) for q = 2. ``cc`` stacks C_i row by row: rows [0, G) hold
    Z_i'[X y] for the intercept, rows [G, 2G) for time (q = 2 only); shape (q G, p + 1).
    ``full`` is [X y]'[X y] summed over all observations.
    """

    a: tuple[np.ndarray, ...]
    cc: np.ndarray
    full: np.ndarray
    n_obs: int
    q: int

    @property
    def p(self) -> int:
        return self.full.shape[0] - 1

    @property
    def n_groups(self) -> int:
        return self.a[0].shape[0]


def client_stats(
    n: np.ndarray, s_t: np.ndarray, s_tt: np.ndarray, s_y: np.ndarray, s_ty: np.ndarray, s_yy: np.ndarray,
    a: np.ndarray, b: np.ndarray, kk: np.ndarray, q: int,
) -> ClientStats:
    """ClientStats when every fixed column is a_i + b_i t within client i (a, b: G x p).

    That holds whenever covariates and condition are constant within a client, so six sums
    per client are all the data the fit needs: n, sum t, sum t^2, sum y, sum t y, sum y^2.
    ``kk`` numbers the distinct design rows (a_i, b_i) 0..K-1; clients with equal codes must
    have equal rows.
    """
    kk = np.asarray(kk, dtype=np.intp)
    n_patterns = int(kk.max()) + 1
    order = np.argsort(kk, kind="stable")
    first = np.empty(n_patterns, dtype=np.intp)
    first[kk[::-1]] = np.arange(len(kk))[::-1]
    d = np.stack([a[first], b[first]], axis=2)
    f = np.asarray
    return _clients(*(f(v, float)[order] for v in (n, s_t, s_tt, s_y, s_ty, s_yy)), kk[order], d, order, q)


def row_stats(y: np.ndarray, x: np.ndarray, t: np.ndarray, codes: np.ndarray, n_groups: int,
              q: int) -> SufficientStats:
    """Blocks from observation rows (any design, e.g. covariates that change over time).

    ``codes`` are client codes 0..G-1; ``t`` is the (centred) time, the random slope's column.
    """
    xy = np.column_stack([x, y])

    def per_client(w: np.ndarray | None) -> np.ndarray:
        return np.bincount(codes, w, minlength=n_groups).astype(float)

    n = per_client(None)
    c0 = np.column_stack([per_client(xy[:, k]) for k in range(xy.shape[1])])
    full = xy.T @ xy
    if q == 1:
        return SufficientStats((n,), c0, full, len(y), 1)
    c1 = np.column_stack([per_client(t * xy[:, k]) for k in range(xy.shape[1])])
    return SufficientStats((n, per_client(t), per_client(t * t)), np.vstack([c0, c1]), full,
                           len(y), 2)


@dataclass(frozen=True)
class ClientStats:
    """Per-client sums when every fixed column is a_i + b_i t within client i.

    Then X_i = [1 t] D_i' with D_i = [a_i b_i] (p x 2), so with A_i = [1 t]'[1 t] (entries
    n, sum t, sum t^2) and r_i = [1 t]'y (sum y, sum t y) the deviance needs per client only
    the 2 x 2 algebra of A_i and r_i; the design enters per pattern k of D (one pattern per
    condition when there are no numeric covariates), through sums over the pattern's clients.
    Clients are stored sorted by pattern (``order`` maps back to the caller's order).
    """

    a0: np.ndarray  # n per client
    a1: np.ndarray  # sum t
    a2: np.ndarray  # sum t^2
    r0: np.ndarray  # sum y
    r1: np.ndarray  # sum t y
    yy: np.ndarray  # sum y^2
    counts: np.ndarray  # clients per pattern
    d: np.ndarray  # (K, p, 2) pattern designs
    sa: np.ndarray  # (K, 3) sum of A_i per pattern
    sr: np.ndarray  # (K, 2) sum of r_i per pattern
    full: np.ndarray  # [X y]'[X y]
    order: np.ndarray  # position in the caller's order of each stored client
    starts: np.ndarray  # first stored client of each pattern
    n_obs: int
    q: int

    @property
    def p(self) -> int:
        return self.d.shape[1]

    @property
    def n_groups(self) -> int:
        return self.a0.shape[0]

    def per_pattern(self, v: np.ndarray) -> np.ndarray:
        """Sums of a per-client vector per pattern."""
        if len(self.counts) == 1:
            return np.array([v.sum()])
        if len(self.counts) == len(v):
            return v
        return np.add.reduceat(v, self.starts)

    def spread(self, values: np.ndarray) -> np.ndarray | float:
        """A per-pattern value for every client."""
        if len(self.counts) == 1:
            return float(values[0])
        if len(self.counts) == self.n_groups:
            return values
        return np.repeat(values, self.counts)

    def subset(self, step: int) -> ClientStats:
        """Every ``step``-th client (systematic subsample, same patterns)."""
        keep = np.zeros(self.n_groups, dtype=bool)
        keep[::step] = True
        kk = np.repeat(np.arange(len(self.counts)), self.counts)[keep]
        return _clients(self.a0[keep], self.a1[keep], self.a2[keep], self.r0[keep], self.r1[keep],
                        self.yy[keep], kk, self.d, self.order[keep], self.q)


def _clients(a0, a1, a2, r0, r1, yy, kk, d, order, q) -> ClientStats:
    """ClientStats from sums already sorted by pattern code ``kk``."""
    counts = np.bincount(kk, minlength=d.shape[0])
    d, counts = d[counts > 0], counts[counts > 0]
    starts = np.r_[0, np.cumsum(counts)[:-1]]

    def per_pattern(v: np.ndarray) -> np.ndarray:
        return np.add.reduceat(v, starts) if len(v) else np.zeros(len(counts))

    sa = np.column_stack([per_pattern(a0), per_pattern(a1), per_pattern(a2)])
    sr = np.column_stack([per_pattern(r0), per_pattern(r1)])
    p = d.shape[1]
    full = np.empty((p + 1, p + 1))
    full[:p, :p] = _quad(d, sa)
    full[:p, p] = full[p, :p] = np.einsum("kpj,kj->p", d, sr)
    full[p, p] = float(yy.sum())
    return ClientStats(a0=a0, a1=a1, a2=a2, r0=r0, r1=r1, yy=yy, counts=counts, d=d, sa=sa, sr=sr,
                       full=full, order=order, starts=starts, n_obs=int(round(float(a0.sum()))), q=q)


_TRIL = {1: np.tril_indices(1), 2: np.tril_indices(2)}


def theta_to_lambda(theta: np.ndarray, q: int) -> np.ndarray:
    lam = np.zeros((q, q))
    lam[_TRIL[q] if q in _TRIL else np.tril_indices(q)] = theta
    return lam


def canonical_theta(theta: np.ndarray, q: int) -> np.ndarray:
    """Same Lambda Lambda', with a non-negative diagonal (as lme4 reports it)."""
    lam = theta_to_lambda(theta, q)
    lam = lam * np.where(np.diag(lam) < 0, -1.0, 1.0)[None, :]
    return lam[np.tril_indices(q)]


@dataclass
class Profile:
    """Everything that follows from one theta."""

    deviance: float
    beta: np.ndarray
    sigma2: float
    rx_gram: np.ndarray  # X'H^-1 X; Var(beta) = sigma2 * inv(rx_gram)
    lam: np.ndarray
    t_blocks: tuple[np.ndarray, ...]  # T_i = S P_i^-1: (T00,) or (T00, T01, T11); row form
    gradient: np.ndarray | None = None
    modes: np.ndarray | None = None  # conditional modes (G, q); client form, with the gradient


class NietPositiefDefiniet(ArithmeticError):
    """X'H^-1 X lost positive definiteness (collinear fixed effects)."""


class _Cholesky:
    """The p x p matrix X'H^-1 X factorised as L L'. numpy's, not scipy.linalg's: importing
    scipy.linalg costs 70 ms of every growth command for a matrix of a few rows."""

    def __init__(self, gram: np.ndarray):
        try:
            self.lower = np.linalg.cholesky(gram)
        except np.linalg.LinAlgError as exc:
            raise NietPositiefDefiniet(str(exc)) from exc
        if not np.all(np.diag(self.lower) > 0):
            raise NietPositiefDefiniet("X'H^-1 X")

    def solve(self, b: np.ndarray) -> np.ndarray:
        return np.linalg.solve(self.lower.T, np.linalg.solve(self.lower, b))

    def logdet(self) -> float:
        return 2.0 * float(np.log(np.diag(self.lower)).sum())


def profile(theta: np.ndarray, st: SufficientStats | ClientStats, reml: bool,
            with_gradient: bool = False) -> Profile:
    if isinstance(st, ClientStats):
        return _profile_clients(theta, st, reml, with_gradient)
    q, p, n, g = st.q, st.p, st.n_obs, st.n_groups
    lam = theta_to_lambda(np.asarray(theta, dtype=float), q)
    s = lam @ lam.T
    cc = st.cc
    if q == 1:
        (a0,) = st.a
        det = 1.0 + a0 * s[0, 0]
        t00 = s[0, 0] / det
        u = cc * t00[:, None]
        t_blocks: tuple[np.ndarray, ...] = (t00,)
    else:
        a0, a1, a2 = st.a
        s00, s01, s11 = s[0, 0], s[0, 1], s[1, 1]
        p00 = 1.0 + a0 * s00 + a1 * s01
        p01 = a0 * s01 + a1 * s11
        p10 = a1 * s00 + a2 * s01
        p11 = 1.0 + a1 * s01 + a2 * s11
        det = p00 * p11 - p01 * p10
        inv_det = 1.0 / det
        t00 = (s00 * p11 - s01 * p10) * inv_det
        t01 = (s01 * p00 - s00 * p01) * inv_det
        t11 = (s11 * p00 - s01 * p01) * inv_det
        c0, c1 = cc[:g], cc[g:]
        u = np.empty_like(cc)
        np.multiply(c0, t00[:, None], out=u[:g])
        u[:g] += c1 * t01[:, None]
        np.multiply(c0, t01[:, None], out=u[g:])
        u[g:] += c1 * t11[:, None]
        t_blocks = (t00, t01, t11)
    m = st.full - cc.T @ u
    rx_gram = (m[:p, :p] + m[:p, :p].T) / 2
    chol = _Cholesky(rx_gram)
    beta = chol.solve(m[:p, p])
    pwrss = max(float(m[p, p] - m[:p, p] @ beta), 1e-300)
    logdet_l = float(np.log(det).sum())
    if reml:
        dof = n - p
        logdet_x = chol.logdet()
        dev = logdet_l + logdet_x + dof * (1.0 + np.log(2.0 * np.pi * pwrss / dof))
    else:
        dof = n
        dev = logdet_l + n * (1.0 + np.log(2.0 * np.pi * pwrss / n))
    grad = None
    if with_gradient:
        cinv = chol.solve(np.eye(p)) if reml else None
        v = np.r_[-beta, 1.0]
        r = cc @ v  # Z_i'(y_i - X_i beta), stacked
        xq = cc[:, :p] @ cinv if reml else None
        if q == 1:
            inv_p = 1.0 / det
            g_s = float(np.sum(a0 * inv_p)) - dof / pwrss * float(np.sum((r * inv_p) ** 2))  # row form
            if reml:
                w = np.einsum("ij,ij->i", xq, cc[:, :p])
                g_s -= float(np.sum(w * inv_p * inv_p))
            grad_m = np.array([[g_s]])
        else:
            # K_i = P_i^-1 A_i = Z_i'H_i^-1 Z_i, s_i = P_i^-1 r_i
            n00, n01, n10, n11 = p11 * inv_det, -p01 * inv_det, -p10 * inv_det, p00 * inv_det
            k00 = float(np.sum(n00 * a0 + n01 * a1))
            k01 = float(np.sum(n00 * a1 + n01 * a2))
            k11 = float(np.sum(n10 * a1 + n11 * a2))
            r0, r1 = r[:g], r[g:]
            s0 = n00 * r0 + n01 * r1
            s1 = n10 * r0 + n11 * r1
            f = dof / pwrss
            g00, g01, g11 = k00 - f * float(s0 @ s0), k01 - f * float(s0 @ s1), k11 - f * float(s1 @ s1)
            if reml:
                # sum_i B_i C B_i' with B_i = P_i^-1 Z_i'X_i: W_i = X~_i C X~_i', then N W N'
                x0, x1 = cc[:g, :p], cc[g:, :p]
                w00 = np.einsum("ij,ij->i", xq[:g], x0)
                w01 = np.einsum("ij,ij->i", xq[:g], x1)
                w11 = np.einsum("ij,ij->i", xq[g:], x1)
                g00 -= float(np.sum(n00 * n00 * w00 + 2 * n00 * n01 * w01 + n01 * n01 * w11))
                g01 -= float(np.sum(n00 * n10 * w00 + (n00 * n11 + n01 * n10) * w01 + n01 * n11 * w11))
                g11 -= float(np.sum(n10 * n10 * w00 + 2 * n10 * n11 * w01 + n11 * n11 * w11))
            grad_m = np.array([[g00, g01], [g01, g11]])
        grad = 2.0 * (grad_m @ lam)[np.tril_indices(q)]
    return Profile(deviance=float(dev), beta=beta, sigma2=pwrss / dof, rx_gram=rx_gram, lam=lam,
                   t_blocks=t_blocks, gradient=grad)


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    """Inner product of two long vectors without BLAS (whose threads stall on a busy machine)."""
    return float(np.einsum("i,i->", a, b))


def _quad(d: np.ndarray, e: np.ndarray) -> np.ndarray:
    """sum_k D_k E_k D_k' for symmetric 2 x 2 E_k stored as (K, 3) = (e00, e01, e11)."""
    da, db = d[:, :, 0], d[:, :, 1]
    cross = da.T @ (db * e[:, 1:2])
    return da.T @ (da * e[:, 0:1]) + cross + cross.T + db.T @ (db * e[:, 2:3])


def _profile_clients(theta: np.ndarray, st: ClientStats, reml: bool, with_gradient: bool) -> Profile:
    q, p, n = st.q, st.p, st.n_obs
    lam = theta_to_lambda(np.asarray(theta, dtype=float), q)
    s = np.zeros((2, 2))
    s[:q, :q] = lam @ lam.T
    s00, s01, s11 = s[0, 0], s[0, 1], s[1, 1]
    a0, a1, a2, r0, r1 = st.a0, st.a1, st.a2, st.r0, st.r1
    # P_i = I + A_i S; N_i = P_i^-1; K_i = N_i A_i (symmetric); T_i = S N_i
    p00 = 1.0 + a0 * s00 + a1 * s01
    p11 = 1.0 + a1 * s01 + a2 * s11
    if q == 1:
        inv_det = 1.0 / p00
        logdet_l = float(np.log(p00).sum())
        k00 = a0 * inv_det
        k01 = a1 * inv_det
        k11 = a2 - (a1 * a1 * s00) * inv_det
        nr0 = r0 * inv_det
        nr1 = r1 - (a1 * s00) * nr0
        p01 = p10 = None
    else:
        p01 = a0 * s01 + a1 * s11
        p10 = a1 * s00 + a2 * s01
        det = p00 * p11 - p01 * p10
        inv_det = 1.0 / det
        logdet_l = float(np.log(det).sum())
        k00 = (p11 * a0 - p01 * a1) * inv_det
        k01 = (p11 * a1 - p01 * a2) * inv_det
        k11 = (p00 * a2 - p10 * a1) * inv_det
        nr0 = (p11 * r0 - p01 * r1) * inv_det
        nr1 = (p00 * r1 - p10 * r0) * inv_det
    ksum = np.array([st.per_pattern(v) for v in (k00, k01, k11)]).T
    nrsum = np.array([st.per_pattern(v) for v in (nr0, nr1)]).T
    # [X y]'H^-1[X y]: A T A = A - K and A T r = r - N r per client; r'T r = (S r)'(N r)
    rx_gram = st.full[:p, :p] - _quad(st.d, st.sa - ksum)
    rx_gram = (rx_gram + rx_gram.T) / 2
    xy = st.full[:p, p] - np.einsum("kpj,kj->p", st.d, st.sr - nrsum)
    rtr = s00 * _dot(r0, nr0) + s01 * (_dot(r1, nr0) + _dot(r0, nr1)) + s11 * _dot(r1, nr1)
    yy = st.full[p, p] - rtr
    chol = _Cholesky(rx_gram)
    beta = chol.solve(xy)
    pwrss = max(float(yy - xy @ beta), 1e-300)
    if reml:
        dof = n - p
        dev = logdet_l + chol.logdet() + dof * (
            1.0 + np.log(2.0 * np.pi * pwrss / dof))
    else:
        dof = n
        dev = logdet_l + n * (1.0 + np.log(2.0 * np.pi * pwrss / n))
    grad = None
    modes = None
    if with_gradient:
        # residual part: s_i = N_i (r_i - A_i g_i) = N r_i - K_i g_i with g_i = D_i' beta
        gk = np.einsum("kpj,p->kj", st.d, beta)
        g0, g1 = st.spread(gk[:, 0]), st.spread(gk[:, 1])
        s0 = nr0 - k00 * g0 - k01 * g1
        s1 = nr1 - k01 * g0 - k11 * g1
        f = dof / pwrss
        kt = ksum.sum(axis=0)
        g00 = kt[0] - f * _dot(s0, s0)
        g01 = kt[1] - f * _dot(s0, s1)
        g11 = kt[2] - f * _dot(s1, s1)
        if reml:
            # sum_i B_i C B_i' with B_i = N_i Z_i'X_i = K_i D_i': K_i W_k K_i, W_k = D_k' C D_k
            cinv = chol.solve(np.eye(p))
            wk = np.einsum("kpi,pq,kqj->kij", st.d, cinv, st.d)
            w00, w01, w11 = st.spread(wk[:, 0, 0]), st.spread(wk[:, 0, 1]), st.spread(wk[:, 1, 1])
            u0 = k00 * w00 + k01 * w01
            u1 = k00 * w01 + k01 * w11
            v0 = k01 * w00 + k11 * w01
            v1 = k01 * w01 + k11 * w11
            g00 -= _dot(k00, u0) + _dot(k01, u1)
            g01 -= _dot(k01, u0) + _dot(k11, u1)
            g11 -= _dot(k01, v0) + _dot(k11, v1)
        grad_m = np.array([[g00, g01], [g01, g11]])[:q, :q]
        grad = 2.0 * (grad_m @ lam)[_TRIL[q]]
        # conditional modes b_i = T_i Z_i'(y_i - X_i beta) = S s_i
        modes = np.column_stack([s00 * s0 + s01 * s1, s01 * s0 + s11 * s1])[:, :q]
    return Profile(deviance=float(dev), beta=beta, sigma2=pwrss / dof, rx_gram=rx_gram, lam=lam,
                   t_blocks=(), gradient=grad, modes=modes)


@dataclass
class FitOutput:
    theta: np.ndarray
    prof: Profile
    n_iter: int
    converged: bool
    message: str

    @property
    def singulier(self) -> bool:
        """lme4's isSingular: a diagonal element of the relative Cholesky factor below 1e-4.

        Evaluated with time centred and scaled, so it means the same in days or years: a
        variance at 0 or a correlation of +-1 between intercept and slope.
        """
        q = self.prof.lam.shape[0]
        return bool(np.min(np.abs(np.diag(theta_to_lambda(self.theta, q)))) < SINGULIER_TOL)


WARM_START_CLIENTS = 20_000  # above this, start from the optimum on a systematic subsample
SUBSAMPLE_CLIENTS = 5_000


def fit(st: SufficientStats | ClientStats, reml: bool, theta0: np.ndarray | None = None) -> FitOutput:
    """Minimise the profiled deviance over theta (quasi-Newton, analytic gradient).

    For many clients the optimiser starts from the optimum on every k-th client (about
    5,000), with that fit's curvature scaled up to the full data as its initial inverse
    Hessian; the full data then need a handful of evaluations. The optimum itself is the
    full data's: the subsample only chooses where the search begins.
    """
    q = st.q
    if theta0 is None:
        theta0 = np.eye(q)[np.tril_indices(q)]
    n_eval = 0

    def objective_on(data):
        def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
            nonlocal n_eval
            n_eval += 1
            prof = profile(theta, data, reml, with_gradient=True)
            return prof.deviance, prof.gradient
        return objective

    def gradient_on(data):
        def gradient(theta: np.ndarray) -> np.ndarray:
            nonlocal n_eval
            n_eval += 1
            return profile(theta, data, reml, with_gradient=True).gradient
        return gradient

    objective = objective_on(st)
    best = None
    try:
        if isinstance(st, ClientStats) and st.n_groups > WARM_START_CLIENTS:
            sub = st.subset(st.n_groups // SUBSAMPLE_CLIENTS)
            start = _quasi_newton(objective_on(sub), theta0, _start_curvature(gradient_on(sub), theta0))
            theta0 = canonical_theta(np.asarray(start.x, dtype=float), q)
            hess_inv = _start_curvature(gradient_on(sub), theta0, st.n_groups / sub.n_groups)
        else:
            hess_inv = _start_curvature(gradient_on(st), theta0)
        best = _quasi_newton(objective, theta0, hess_inv)
        if not best.success:
            theta0, best = best.x, None
    except (NietPositiefDefiniet, np.linalg.LinAlgError, FloatingPointError):
        best = None
    if best is None:
        best = _minimise(objective, theta0, q)
    theta = canonical_theta(np.asarray(best.x, dtype=float), q)
    final = profile(theta, st, reml, with_gradient=True)
    # A failed line search at the optimum (rounding in the deviance) is not a failure: judge
    # convergence by how much lower the deviance could still go (Newton decrement g'H^-1 g / 2,
    # with the optimiser's own curvature), which is in deviance units whatever the data size.
    converged = bool(best.success) or _decrement(best) < DECREMENT_TOL
    return FitOutput(theta=theta, prof=final, n_iter=n_eval + 1, converged=converged,
                     message=str(best.message))


DECREMENT_TOL = 1e-7  # deviance units: the optimum is lme4's to well within 1e-6


def _decrement(best) -> float:
    """g'H^-1 g / 2 at the optimiser's end point: the deviance still to gain, approximately."""
    g = np.asarray(best.jac, dtype=float)
    h_inv = best.hess_inv
    step = h_inv.matvec(g) if hasattr(h_inv, "matvec") else np.asarray(h_inv) @ g
    return abs(float(g @ step)) / 2


def _quasi_newton(objective, theta0: np.ndarray, hess_inv: np.ndarray, max_iter: int = 50):
    """BFGS from a good start and curvature, stopped by the Newton decrement.

    scipy's BFGS keeps line-searching once the deviance (millions, for 300,000 clients) has
    reached its rounding floor; here the search stops as soon as the deviance still to gain
    is below ``DECREMENT_TOL``.
    """
    theta = np.asarray(theta0, dtype=float)
    f, g = objective(theta)
    nfev, message, success = 1, "", False
    for _ in range(max_iter):
        step = -hess_inv @ g
        if -float(g @ step) / 2 < DECREMENT_TOL:
            success, message = True, "Newton decrement below tolerance"
            break
        cap = 2.0 * max(1.0, float(np.linalg.norm(theta)))
        if float(np.linalg.norm(step)) > cap:  # far from the optimum: a trust region of sorts
            step = step * (cap / float(np.linalg.norm(step)))
        alpha = 1.0
        while True:
            f_new, g_new = objective(theta + alpha * step)
            nfev += 1
            if np.isfinite(f_new) and f_new <= f + 1e-4 * alpha * float(g @ step):
                break
            alpha /= 4
            if alpha < 1e-3:
                break
        if alpha < 1e-3:
            message = "line search failed"
            break
        s_k, y_k = alpha * step, g_new - g
        sy = float(s_k @ y_k)
        if sy > 1e-12 * float(np.linalg.norm(s_k) * np.linalg.norm(y_k)):
            rho = 1.0 / sy
            v = np.eye(len(theta)) - rho * np.outer(s_k, y_k)
            hess_inv = v @ hess_inv @ v.T + rho * np.outer(s_k, s_k)
        theta, f, g = theta + s_k, f_new, g_new
    return _Uitkomst(x=theta, fun=f, jac=g, hess_inv=hess_inv, success=success,
                     message=message or "maximum number of iterations", nfev=nfev)


@dataclass
class _Uitkomst:
    """Where the quasi-Newton search ended, with the fields of scipy's OptimizeResult that the
    fit reads (scipy.optimize itself is imported only for the fallback: it costs a quarter of
    a second at start-up)."""

    x: np.ndarray
    fun: float
    jac: np.ndarray
    hess_inv: np.ndarray
    success: bool
    message: str
    nfev: int


def _minimise(objective, theta0: np.ndarray, q: int):
    # Unbounded on purpose: with bounds the diagonal can land on 0, where its gradient is
    # exactly 0 and the optimiser stays stuck. Lambda Lambda' does not change when a column
    # of Lambda flips sign, so negative diagonals are folded back afterwards.
    from scipy import optimize

    return optimize.minimize(objective, theta0, method="L-BFGS-B", jac=True,
                             options={"ftol": 1e-15, "gtol": 1e-9, "maxiter": 500, "maxcor": 10})


def _start_curvature(gradient, theta: np.ndarray, factor: float = 1.0, h: float = 1e-5) -> np.ndarray:
    """Inverse of the finite-difference Hessian (times ``factor``), or a scaled identity
    when that Hessian is not positive definite (far from the optimum)."""
    g0 = gradient(theta)
    hess = np.column_stack([(gradient(theta + h * e) - g0) / h for e in np.eye(len(theta))]) * factor
    w, v = np.linalg.eigh((hess + hess.T) / 2)
    if w.min() > 1e-8 * abs(w.max()):
        inv = (v / w) @ v.T
        return (inv + inv.T) / 2
    return np.eye(len(theta)) / max(float(np.abs(g0).max()), 1.0)


def conditional_modes(prof: Profile, st: SufficientStats | ClientStats) -> np.ndarray:
    """Predicted random effects b_i (G, q) on the kernel's scale: T_i Z_i'(y_i - X_i beta)."""
    if isinstance(st, ClientStats):
        modes = prof.modes if prof.modes is not None else profile(
            prof.lam[np.tril_indices(st.q)], st, True, with_gradient=True).modes
        out = np.empty_like(modes)
        out[st.order] = modes
        return out
    g = st.n_groups
    r = st.cc @ np.r_[-prof.beta, 1.0]
    if st.q == 1:
        return (prof.t_blocks[0] * r)[:, None]
    t00, t01, t11 = prof.t_blocks
    r0, r1 = r[:g], r[g:]
    return np.column_stack([t00 * r0 + t01 * r1, t01 * r0 + t11 * r1])
