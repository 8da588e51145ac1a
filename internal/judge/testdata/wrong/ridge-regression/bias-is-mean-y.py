# expect: wrong_answer
# Returns the mean of y as the bias, forgetting to subtract x̄ · w, which is only right when the features have zero mean.
import numpy as np


def ridge_regression(X, y, alpha):
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(X.shape[1]), Xc.T @ yc)
    return w, y.mean()
