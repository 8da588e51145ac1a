# expect: wrong_answer
# Draws the interpolation factor from [0, 2) instead of [0, 1), so half the points land beyond the neighbour.
import numpy as np


def smote(X_minority, n_new, k, random_state):
    rng = np.random.default_rng(random_state)
    d = np.linalg.norm(X_minority[:, None] - X_minority[None], axis=2)
    neighbours = np.argsort(d, axis=1, kind="stable")[:, 1:k + 1]
    base = rng.integers(len(X_minority), size=n_new)
    partner = neighbours[base, rng.integers(k, size=n_new)]
    t = rng.uniform(0, 2, size=(n_new, 1))
    return X_minority[base] + t * (X_minority[partner] - X_minority[base])
