# expect: wrong_answer
# Never shuffles, so different random_state values give identical contiguous folds.
import numpy as np


def k_fold_indices(n_samples, k, shuffle=False, random_state=None):
    folds = []
    for val in np.array_split(np.arange(n_samples), k):
        folds.append((np.setdiff1d(np.arange(n_samples), val), val))
    return folds
