import numpy as np


def minibatch_sgd(X, y, lr, epochs, batch_size, order):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    for e in range(epochs):
        perm = np.asarray(order[e], dtype=int)
        for start in range(0, len(perm), batch_size):
            idx = perm[start:start + batch_size]
            Xb, yb = X[idx], y[idx]
            grad = 2.0 / len(idx) * Xb.T @ (Xb @ w - yb)
            w = w - lr * grad
    return w
