import numpy as np


def standard_scale(X_train, X_test):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    mean = X_train.mean(axis=0)
    std = X_train.std(axis=0)  # population std, ddof=0
    scale = np.where(np.ptp(X_train, axis=0) == 0, 1.0, std)  # a constant column is only centred
    return (X_train - mean) / scale, (X_test - mean) / scale
