import numpy as np


def k_fold_indices(n_samples, k, shuffle=False, random_state=None):
    """Return a list of k (train_idx, val_idx) pairs of index arrays, one per fold."""
    # Your code here
    raise NotImplementedError
