# expect: wrong_answer
# Drops the smaller last batch of each epoch (n // batch_size batches), so the leftover rows are never used.
import numpy as np


def minibatch_sgd(X, y, lr, epochs, batch_size, order):
    w = np.zeros(X.shape[1])
    for e in range(epochs):
        perm = np.asarray(order[e])
        for k in range(len(perm) // batch_size):
            idx = perm[k * batch_size:(k + 1) * batch_size]
            w -= lr * 2 / len(idx) * X[idx].T @ (X[idx] @ w - y[idx])
    return w
