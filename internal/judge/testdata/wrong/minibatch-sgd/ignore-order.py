# expect: wrong_answer
# Ignores the given permutations and walks the rows in their natural order every epoch.
import numpy as np


def minibatch_sgd(X, y, lr, epochs, batch_size, order):
    n = len(X)
    w = np.zeros(X.shape[1])
    for e in range(epochs):
        for start in range(0, n, batch_size):
            Xb, yb = X[start:start + batch_size], y[start:start + batch_size]
            w -= lr * 2 / len(yb) * Xb.T @ (Xb @ w - yb)
    return w
