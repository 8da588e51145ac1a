import math

import numpy as np


def train_test_split(X, y, test_size=0.2, random_state=None):
    n = len(X)
    n_test = math.ceil(test_size * n)
    perm = np.random.default_rng(random_state).permutation(n)
    test, train = perm[:n_test], perm[n_test:]
    return X[train], X[test], y[train], y[test]
