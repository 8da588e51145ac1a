# expect: wrong_answer
# Uses ceil(n_samples / k) for every fold, so the last fold absorbs the shortfall (10 samples in 4 folds: 3, 3, 3, 1).
import math

import numpy as np


def k_fold_indices(n_samples, k, shuffle=False, random_state=None):
    order = np.random.default_rng(random_state).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = math.ceil(n_samples / k)
    folds = []
    for j in range(k):
        val = np.sort(order[j * size:(j + 1) * size])
        folds.append((np.setdiff1d(np.arange(n_samples), val), val))
    return folds
