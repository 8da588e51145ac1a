# expect: wrong_answer
# Divides by the sample standard deviation (ddof=1) instead of the population one (ddof=0).
import numpy as np


def standard_scale(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std
