# expect: wrong_answer
# Draws the indices for X and for y separately, so resampled rows no longer match their labels.
import numpy as np


def bootstrap_sample(X, y, random_state):
    rng = np.random.default_rng(random_state)
    n = len(X)
    idx = rng.integers(0, n, size=n)
    y_idx = rng.integers(0, n, size=n)
    return X[idx], y[y_idx], np.setdiff1d(np.arange(n), idx)
