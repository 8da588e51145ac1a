import numpy as np


def binary_cross_entropy_with_logits(logits, y):
    z = np.asarray(logits, dtype=float)
    y = np.asarray(y, dtype=float)
    return float(np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))
