# expect: wrong_answer
# Returns the distinct indices that were drawn (the in-bag rows) instead of those never drawn.
import numpy as np


def bootstrap_sample(X, y, random_state):
    idx = np.random.default_rng(random_state).integers(0, len(X), size=len(X))
    return X[idx], y[idx], np.unique(idx)
