import numpy as np


def linear_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, *_ = np.linalg.lstsq(X, y, rcond=None)
    return w
