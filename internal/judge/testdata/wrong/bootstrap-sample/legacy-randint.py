# expect: wrong_answer
# Uses the legacy np.random.seed + np.random.randint stream instead of np.random.default_rng(random_state).integers, so different rows are drawn.
import numpy as np


def bootstrap_sample(X, y, random_state):
    np.random.seed(random_state)
    idx = np.random.randint(0, len(X), size=len(X))
    return X[idx], y[idx], np.setdiff1d(np.arange(len(X)), idx)
