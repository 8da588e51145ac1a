# expect: wrong_answer
# Uses the predictions p instead of the errors p - y in the gradient, so the labels never enter and every point drifts to class 0.
import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w + b, -500, 500)))
        w -= lr * X.T @ p / n
        b -= lr * np.mean(p)
    return w, b
