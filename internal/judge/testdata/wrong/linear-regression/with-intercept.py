# expect: wrong_answer
# Adds an intercept column the problem did not ask for, so the weight vector has one element too many.
import numpy as np


def linear_regression(X, y):
    X = np.hstack([np.ones((len(X), 1)), X])
    return np.linalg.lstsq(X, y, rcond=None)[0]
