# expect: wrong_answer
# Gives every fold n_samples // k samples and puts the remainder in the last fold, instead of one extra in each of the first n_samples % k folds.
import numpy as np


def k_fold_indices(n_samples, k, shuffle=False, random_state=None):
    order = np.random.default_rng(random_state).permutation(n_samples) if shuffle else np.arange(n_samples)
    size = n_samples // k
    folds = []
    for j in range(k):
        stop = n_samples if j == k - 1 else (j + 1) * size
        val = np.sort(order[j * size:stop])
        folds.append((np.setdiff1d(np.arange(n_samples), val), val))
    return folds
