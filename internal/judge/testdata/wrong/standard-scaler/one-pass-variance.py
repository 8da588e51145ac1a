# expect: wrong_answer
# Computes the variance as mean(x²) − mean(x)², which cancels catastrophically for values near 1e6 with unit spread.
import numpy as np


def standard_scale(X_train, X_test):
    X_train = X_train.astype(float)
    mean = X_train.mean(axis=0)
    var = (X_train ** 2).mean(axis=0) - mean ** 2
    std = np.sqrt(np.maximum(var, 0.0))
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std
