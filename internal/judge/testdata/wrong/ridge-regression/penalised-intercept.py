# expect: wrong_answer
# Appends a column of ones to X and applies the penalty to every coefficient, so the intercept is shrunk towards 0 too.
import numpy as np


def ridge_regression(X, y, alpha):
    A = np.hstack([X, np.ones((len(X), 1))])
    theta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], theta[-1]
