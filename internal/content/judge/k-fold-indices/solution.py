import numpy as np


def k_fold_indices(n_samples, k, shuffle=False, random_state=None):
    if shuffle:
        order = np.random.default_rng(random_state).permutation(n_samples)
    else:
        order = np.arange(n_samples)
    sizes = np.full(k, n_samples // k)
    sizes[: n_samples % k] += 1
    folds = []
    start = 0
    for size in sizes:
        val = np.sort(order[start:start + size])
        in_val = np.zeros(n_samples, dtype=bool)
        in_val[val] = True
        folds.append((np.flatnonzero(~in_val), val))
        start += size
    return folds
