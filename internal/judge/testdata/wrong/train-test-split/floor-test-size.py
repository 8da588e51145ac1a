# expect: wrong_answer
# Sizes the test part with int(test_size * n), rounding down instead of up.
import numpy as np


def train_test_split(X, y, test_size=0.2, random_state=None):
    n_test = int(test_size * len(X))
    perm = np.random.default_rng(random_state).permutation(len(X))
    return X[perm[n_test:]], X[perm[:n_test]], y[perm[n_test:]], y[perm[:n_test]]
