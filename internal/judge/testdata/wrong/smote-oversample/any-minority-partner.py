# expect: wrong_answer
# Interpolates towards a random minority point instead of one of the k nearest neighbours, creating points between separate clumps.
import numpy as np


def smote(X_minority, n_new, k, random_state):
    rng = np.random.default_rng(random_state)
    n = len(X_minority)
    base = rng.integers(n, size=n_new)
    partner = (base + rng.integers(1, n, size=n_new)) % n
    t = rng.random((n_new, 1))
    return X_minority[base] + t * (X_minority[partner] - X_minority[base])
