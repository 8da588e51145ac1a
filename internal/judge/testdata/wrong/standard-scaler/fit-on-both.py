# expect: wrong_answer
# Computes the mean and standard deviation over the training and test rows together, leaking the test set into the scaler.
import numpy as np


def standard_scale(X_train, X_test):
    both = np.vstack([X_train, X_test])
    mean, std = both.mean(axis=0), both.std(axis=0)
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std
