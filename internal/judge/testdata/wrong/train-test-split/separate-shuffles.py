# expect: wrong_answer
# Shuffles X and y with two different permutations, so rows lose their labels.
import math

import numpy as np


def train_test_split(X, y, test_size=0.2, random_state=None):
    rng = np.random.default_rng(random_state)
    X, y = X[rng.permutation(len(X))], y[rng.permutation(len(y))]
    n_test = math.ceil(test_size * len(X))
    return X[n_test:], X[:n_test], y[n_test:], y[:n_test]
