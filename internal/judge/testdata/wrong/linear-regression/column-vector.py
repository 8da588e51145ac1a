# expect: wrong_answer
# Returns a (d, 1) column instead of a flat (d,) vector.
import numpy as np


def linear_regression(X, y):
    return np.linalg.solve(X.T @ X, X.T @ y).reshape(-1, 1)
