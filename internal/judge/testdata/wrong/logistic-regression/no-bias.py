# expect: wrong_answer
# Never updates the bias, so the decision boundary is forced through the origin.
import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(n_iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -500, 500)))
        w -= lr * X.T @ (p - y) / n
    return w, 0.0
