# expect: wrong_answer
# Shuffles with the global np.random.permutation and ignores random_state, so a seed does not reproduce the split.
import math

import numpy as np


def train_test_split(X, y, test_size=0.2, random_state=None):
    perm = np.random.permutation(len(X))
    n_test = math.ceil(test_size * len(X))
    return X[perm[n_test:]], X[perm[:n_test]], y[perm[n_test:]], y[perm[:n_test]]
