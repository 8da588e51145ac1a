# expect: wrong_answer
# Solves the mean-squared-error version, (XcᵀXc / n + αI) w = Xcᵀyc / n, which is the stated problem with α multiplied by n.
import numpy as np


def ridge_regression(X, y, alpha):
    n, d = X.shape
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc / n + alpha * np.eye(d), Xc.T @ yc / n)
    return w, y.mean() - X.mean(axis=0) @ w
