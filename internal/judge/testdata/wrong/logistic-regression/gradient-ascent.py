# expect: wrong_answer
# Adds the gradient instead of subtracting it, so it climbs the log loss and the boundary ends up facing the wrong way.
import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w + b, -500, 500)))
        w += lr * X.T @ (p - y) / n
        b += lr * np.mean(p - y)
    return w, b
