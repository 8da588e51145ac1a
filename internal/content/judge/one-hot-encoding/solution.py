import numpy as np


def one_hot(labels, n_classes=None):
    labels = np.asarray(labels, dtype=np.int64).reshape(-1)
    if n_classes is None:
        n_classes = int(labels.max()) + 1
    out = np.zeros((len(labels), n_classes))
    out[np.arange(len(labels)), labels] = 1.0
    return out
