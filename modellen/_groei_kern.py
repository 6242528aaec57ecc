"""Fast two-level linear mixed model: profiled deviance over the relative covariance factor.

Follows lme4's formulation (Bates et al. 2015, J. Stat. Softw. 67(1)): the random effects
are b_i = Lambda u_i with u_i ~ N(0, sigma^2 I), so the covariance of b_i is
sigma^2 Lambda Lambda'. For a given Lambda (lower-triangular, parameters theta) the fixed
effects and sigma^2 have closed forms, which leaves a small optimisation over theta.

Because the clients are independent, every client contributes only tiny q x q and q x p
blocks. They are kept as stacked arrays (n_groups, q, p) so one deviance evaluation is a
handful of batched matrix operations and two BLAS products, whatever the number of clients.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize


@dataclass(frozen=True)
class SufficientStats:
    """Per-client cross products, client axis last so every operation is a long vector op.

    q = number of random terms, p = number of fixed terms, G = number of clients.
    """

    ztz: np.ndarray  # (q, q, G)
    ztx: np.ndarray  # (q, p, G)
    zty: np.ndarray  # (q, G)
    xtx: np.ndarray  # (p, p), summed over clients
    xty: np.ndarray  # (p,)
    yty: float
    n_obs: int

    @property
    def q(self) -> int:
        return self.ztz.shape[0]

    @property
    def p(self) -> int:
        return self.xtx.shape[0]


def sufficient_stats(y: np.ndarray, x: np.ndarray, z: np.ndarray, codes: np.ndarray) -> SufficientStats:
    """Cross products per group. ``codes`` are integer group codes (any order)."""
    order = np.argsort(codes, kind="stable")
    y, x, z, codes = y[order], x[order], z[order], codes[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    q, p = z.shape[1], x.shape[1]

    def per_group(col: np.ndarray) -> np.ndarray:
        return np.add.reduceat(col, starts)

    ztz = np.empty((q, q, len(starts)))
    for i in range(q):
        for j in range(i, q):
            ztz[i, j] = ztz[j, i] = per_group(z[:, i] * z[:, j])
    ztx = np.stack([np.stack([per_group(z[:, i] * x[:, j]) for j in range(p)]) for i in range(q)])
    zty = np.stack([per_group(z[:, i] * y) for i in range(q)])
    return SufficientStats(
        ztz=ztz, ztx=ztx, zty=zty, xtx=x.T @ x, xty=x.T @ y, yty=float(y @ y), n_obs=len(y)
    )


def theta_to_lambda(theta: np.ndarray, q: int) -> np.ndarray:
    lam = np.zeros((q, q))
    lam[np.tril_indices(q)] = theta
    return lam


def canonical_theta(theta: np.ndarray, q: int) -> np.ndarray:
    """Same Lambda Lambda', with a non-negative diagonal (as lme4 reports it)."""
    lam = theta_to_lambda(theta, q)
    lam = lam * np.where(np.diag(lam) < 0, -1.0, 1.0)[None, :]
    return lam[np.tril_indices(q)]


def _inv_logdet(m: np.ndarray) -> tuple[np.ndarray, float]:
    """Inverse and summed log-determinant of stacked SPD matrices laid out as (q, q, G)."""
    q = m.shape[0]
    if q == 1:
        return 1.0 / m, float(np.log(m[0, 0]).sum())
    if q == 2:
        a, b, d = m[0, 0], m[0, 1], m[1, 1]
        det = a * d - b * b
        inv = np.empty_like(m)
        inv[0, 0] = d / det
        inv[1, 1] = a / det
        inv[0, 1] = inv[1, 0] = -b / det
        return inv, float(np.log(det).sum())
    stacked = np.moveaxis(m, -1, 0)
    chol = np.linalg.cholesky(stacked)
    logdet = 2.0 * float(np.log(np.diagonal(chol, axis1=1, axis2=2)).sum())
    return np.moveaxis(np.linalg.inv(stacked), 0, -1), logdet


@dataclass
class Profile:
    """Everything that follows from one theta."""

    deviance: float
    beta: np.ndarray
    sigma2: float
    rx_gram: np.ndarray  # R_X' R_X; Var(beta) = sigma2 * inv(rx_gram)
    lam: np.ndarray
    minv: np.ndarray  # (q, q, G)
    ztx_l: np.ndarray  # (q, p, G)
    zty_l: np.ndarray  # (q, G)
    gradient: np.ndarray | None = None


def _left_lambda_t(lam: np.ndarray, a: np.ndarray) -> np.ndarray:
    """Lambda' a along the first axis; explicit sums beat BLAS for a 2 x 2 Lambda."""
    q = lam.shape[0]
    return np.stack([sum(lam[j, i] * a[j] for j in range(i, q)) for i in range(q)])


def profile(
    theta: np.ndarray, st: SufficientStats, reml: bool, with_gradient: bool = False
) -> Profile:
    q, p, n = st.q, st.p, st.n_obs
    lam = theta_to_lambda(np.asarray(theta, dtype=float), q)
    # M_i = Lambda' Z_i'Z_i Lambda + I, built from long vectors over clients
    tmp = _left_lambda_t(lam, st.ztz)  # Lambda' Z'Z, (q, q, G)
    m = np.empty_like(st.ztz)
    for i in range(q):
        for j in range(i, q):
            v = sum(tmp[i, k] * lam[k, j] for k in range(q)) + (1.0 if i == j else 0.0)
            m[i, j] = v
            if i != j:
                m[j, i] = v
    minv, logdet_l = _inv_logdet(m)
    ztx_l = _left_lambda_t(lam, st.ztx)  # (q, p, G)
    zty_l = _left_lambda_t(lam, st.zty)  # (q, G)
    rx_gram = st.xtx.copy()
    s_xy = st.xty.copy()
    s_yy = st.yty
    w_x, w_y = [], []
    for i in range(q):
        w_x.append(sum(minv[i, j] * ztx_l[j] for j in range(q)))  # M^-1 Lambda'Z'X, (p, G)
        w_y.append(sum(minv[i, j] * zty_l[j] for j in range(q)))  # (G,)
        rx_gram -= ztx_l[i] @ w_x[i].T
        s_xy -= ztx_l[i] @ w_y[i]
        s_yy -= float(zty_l[i] @ w_y[i])
    rx_gram = (rx_gram + rx_gram.T) / 2
    chol = np.linalg.cholesky(rx_gram)
    beta = np.linalg.solve(rx_gram, s_xy)
    pwrss = max(s_yy - float(s_xy @ beta), 1e-300)
    if reml:
        dof = n - p
        logdet_x = 2.0 * float(np.log(np.diag(chol)).sum())
        dev = logdet_l + logdet_x + dof * (1.0 + np.log(2.0 * np.pi * pwrss / dof))
    else:
        dof = n
        dev = logdet_l + n * (1.0 + np.log(2.0 * np.pi * pwrss / n))
    grad = None
    if with_gradient:
        grad = _gradient(st, lam, tmp, minv, w_x, w_y, rx_gram, beta, pwrss, dof, reml)
    return Profile(
        deviance=float(dev), beta=beta, sigma2=pwrss / dof, rx_gram=rx_gram, lam=lam,
        minv=minv, ztx_l=ztx_l, zty_l=zty_l, gradient=grad,
    )


def _gradient(
    st: SufficientStats, lam: np.ndarray, lam_t_ztz: np.ndarray, minv: np.ndarray,
    w_x: list[np.ndarray], w_y: list[np.ndarray], rx_gram: np.ndarray, beta: np.ndarray,
    pwrss: float, dof: int, reml: bool,
) -> np.ndarray:
    """d deviance / d theta.

    With H_i = I + Z_i Lambda Lambda' Z_i' and D = d(Lambda Lambda')/d theta_k:
      d log|H|        = sum_i tr(D Z_i'H_i^-1 Z_i)
      d r'H^-1 r      = -sum_i s_i' D s_i,  s_i = Z_i'H_i^-1 r_i
      d log|X'H^-1 X| = -sum_i tr(D B_i C B_i'),  B_i = Z_i'H_i^-1 X_i, C = (X'H^-1 X)^-1
    and Z'H^-1 (.) = Z'(.) - Z'Z Lambda M^-1 Lambda' Z'(.) (Woodbury), so everything comes
    from the per-client blocks already at hand. For symmetric S, tr(D S) = 2 (S Lambda)_ab.
    """
    q = st.q
    k = np.swapaxes(lam_t_ztz, 0, 1)  # Z'Z Lambda, (q, q, G)
    b = [st.ztx[i] - sum(k[i, j] * w_x[j] for j in range(q)) for i in range(q)]  # (p, G)
    c = [st.zty[i] - sum(k[i, j] * w_y[j] for j in range(q)) for i in range(q)]  # (G,)
    s = [c[i] - beta @ b[i] for i in range(q)]
    cinv = np.linalg.inv(rx_gram)
    bc = [cinv @ b[i] for i in range(q)] if reml else None
    g = np.empty((q, q))
    for i in range(q):
        for j in range(i, q):
            kmk = sum(k[i, a] * sum(minv[a, bb] * k[j, bb] for bb in range(q)) for a in range(q))
            val = float((st.ztz[i, j] - kmk).sum()) - dof / pwrss * float(s[i] @ s[j])
            if reml:
                val -= float(np.einsum("pg,pg->", b[i], bc[j]))
            g[i, j] = g[j, i] = val
    return 2.0 * (g @ lam)[np.tril_indices(q)]


@dataclass
class FitOutput:
    theta: np.ndarray
    prof: Profile
    n_iter: int
    converged: bool
    message: str


def fit(st: SufficientStats, reml: bool, theta0: np.ndarray | None = None) -> FitOutput:
    """Minimise the profiled deviance over theta (bounded quasi-Newton, analytic gradient)."""
    q = st.q
    if theta0 is None:
        theta0 = np.eye(q)[np.tril_indices(q)]

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        prof = profile(theta, st, reml, with_gradient=True)
        return prof.deviance, prof.gradient

    # Unbounded on purpose: with bounds the diagonal can land on 0, where its gradient is
    # exactly 0 and the optimiser stays stuck. Lambda Lambda' does not change when a column
    # of Lambda flips sign, so negative diagonals are folded back afterwards.
    best = optimize.minimize(
        objective, theta0, method="L-BFGS-B", jac=True,
        options={"ftol": 1e-14, "gtol": 1e-7, "maxiter": 1000},
    )
    theta = canonical_theta(np.asarray(best.x, dtype=float), q)
    final = profile(theta, st, reml, with_gradient=True)
    # A failed line search at the optimum (rounding in the deviance) is not a failure:
    # judge convergence by the gradient itself, in deviance units.
    converged = bool(best.success) or float(np.max(np.abs(final.gradient))) < 1e-3
    return FitOutput(
        theta=theta, prof=final, n_iter=int(best.nfev),
        converged=converged, message=str(best.message),
    )


def conditional_modes(prof: Profile) -> np.ndarray:
    """Predicted random effects b_i (G, q): Lambda M_i^-1 (Lambda'Z'y - Lambda'Z'X beta)."""
    rhs = prof.zty_l - np.tensordot(prof.beta, prof.ztx_l, axes=(0, 1))  # (q, G)
    q = rhs.shape[0]
    u = np.stack([sum(prof.minv[i, j] * rhs[j] for j in range(q)) for i in range(q)])
    return (prof.lam @ u).T
