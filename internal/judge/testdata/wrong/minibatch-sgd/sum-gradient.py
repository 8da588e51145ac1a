# expect: wrong_answer
# Sums the per-example gradients instead of averaging them, so the step grows with the batch size.
import numpy as np


def minibatch_sgd(X, y, lr, epochs, batch_size, order):
    w = np.zeros(X.shape[1])
    for e in range(epochs):
        perm = np.asarray(order[e])
        for start in range(0, len(perm), batch_size):
            idx = perm[start:start + batch_size]
            w -= lr * 2 * X[idx].T @ (X[idx] @ w - y[idx])
    return w
