import numpy as np


def sigmoid(z):
    # tanh form: never overflows, unlike 1 / (1 + exp(-z)) for very negative z.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iters):
        error = sigmoid(X @ w + b) - y  # d(mean log loss)/dz for each sample, times n
        w -= lr * (X.T @ error) / n
        b -= lr * error.mean()
    return w, float(b)
