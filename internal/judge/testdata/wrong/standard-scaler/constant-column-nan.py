# expect: wrong_answer
# Divides a constant column by its zero standard deviation, producing NaN and infinity instead of centred values.
import numpy as np


def standard_scale(X_train, X_test):
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / std, (X_test - mean) / std
