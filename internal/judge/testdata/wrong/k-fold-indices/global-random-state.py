# expect: wrong_answer
# Shuffles with the global np.random.permutation and ignores random_state, so the same seed does not reproduce the folds.
import numpy as np


def k_fold_indices(n_samples, k, shuffle=False, random_state=None):
    order = np.random.permutation(n_samples) if shuffle else np.arange(n_samples)
    folds = []
    for val in np.array_split(order, k):
        val = np.sort(val)
        folds.append((np.setdiff1d(np.arange(n_samples), val), val))
    return folds
