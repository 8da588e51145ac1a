import numpy as np


def bootstrap_sample(X, y, random_state):
    n = len(X)
    idx = np.random.default_rng(random_state).integers(0, n, size=n)
    drawn = np.zeros(n, dtype=bool)
    drawn[idx] = True
    return X[idx], y[idx], np.flatnonzero(~drawn)
