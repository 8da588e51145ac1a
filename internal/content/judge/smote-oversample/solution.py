import numpy as np


def smote(X_minority, n_new, k, random_state):
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    d2 = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2)
    np.fill_diagonal(d2, np.inf)  # a point is not its own neighbour
    neighbours = np.argsort(d2, axis=1, kind="stable")[:, :k]
    base = rng.integers(len(X), size=n_new)
    partner = neighbours[base, rng.integers(k, size=n_new)]
    t = rng.random(n_new)[:, None]
    return X[base] + t * (X[partner] - X[base])
