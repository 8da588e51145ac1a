# expect: runtime_error
# Makes the matrix max(labels) columns wide instead of max(labels) + 1, so the largest label indexes past the last column.
import numpy as np


def one_hot(labels, n_classes=None):
    if n_classes is None:
        n_classes = labels.max()
    return np.eye(n_classes)[labels]
