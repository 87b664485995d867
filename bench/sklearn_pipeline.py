"""The usual scikit-learn pipeline on the work of `jel main --k 5 --n 1e5 --runs 2` with four
methods (IG with K + 1 separate fits, joint topline, pooled, observational), one core: per run,
7 datasets of N rows (observational, K single interventions, joint), 80/20 split, degree-3
polynomial features, standardization, ridge with 3-fold CV over the paper's 8 alphas, and the
RMSE on the joint test split. The data are drawn from a seeded random additive model with
confounding (numpy), so the arithmetic matches the CLI's run in size, not in values.
Run: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python3 bench/sklearn_pipeline.py [N] [runs]
"""
import sys
import time

import numpy as np
from sklearn.linear_model import RidgeCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

K = 5
N = int(float(sys.argv[1])) if len(sys.argv) > 1 else 100_000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
ALPHAS = [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]


def draw(rng, coef, n, intervened):
    """Rows of a regime: hidden confounder u, actions a_k = f_k(u, earlier a) + noise unless set, y = g(a, u) + noise."""
    u = rng.normal(size=n)
    a = np.empty((n, K))
    for k in range(K):
        if k in intervened:
            a[:, k] = rng.normal(size=n)
        else:
            a[:, k] = coef[k, 0] * u + coef[k, 1] * u * u + (a[:, :k] @ coef[k, 2 : 2 + k] if k else 0) + rng.normal(size=n)
    y = np.tanh(a) @ coef[K, :K] + 0.3 * (a * a) @ coef[K, K : 2 * K] + coef[K, -1] * u * a[:, 0] + rng.normal(scale=0.5, size=n)
    return a, y


def fit(a, y):
    return make_pipeline(PolynomialFeatures(3), StandardScaler(), RidgeCV(alphas=ALPHAS, cv=3)).fit(a, y)


def split(a, y):
    m = int(0.8 * len(y))
    return a[:m], y[:m], a[m:], y[m:]


start = time.perf_counter()
for run in range(RUNS):
    rng = np.random.default_rng(run)
    coef = rng.normal(size=(K + 1, 2 * K + 2))
    obs = split(*draw(rng, coef, N, set()))
    singles = [split(*draw(rng, coef, N, {k})) for k in range(K)]
    joint = split(*draw(rng, coef, N, set(range(K))))
    test_a, test_y = joint[2], joint[3]
    # IG: the observational fit and one fit per single-intervention regime
    models = [fit(obs[0], obs[1])] + [fit(s[0], s[1]) for s in singles]
    ig = sum(m.predict(test_a) for m in models[1:]) - (K - 1) * models[0].predict(test_a)
    topline = fit(joint[0], joint[1]).predict(test_a)
    pooled = fit(np.vstack([obs[0]] + [s[0] for s in singles]), np.concatenate([obs[1]] + [s[1] for s in singles])).predict(test_a)
    observational = models[0].predict(test_a)
    for name, pred in [("ig", ig), ("topline", topline), ("pooled", pooled), ("observational", observational)]:
        rmse = float(np.sqrt(np.mean((pred - test_y) ** 2)))
        print(f"run {run} {name} rmse {rmse:.4f}", file=sys.stderr)
print(f"{time.perf_counter() - start:.2f}")
