# expect: wrong_answer
# Exponentiates the raw logits, so logits in the thousands overflow and the loss and gradients become nan.
import numpy as np


def mlp_backward(X, y, W1, b1, W2, b2):
    N = len(X)
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0)
    logits = h @ W2 + b2
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(N), y]).mean()
    d = p.copy()
    d[np.arange(N), y] -= 1
    d /= N
    dz1 = (d @ W2.T) * (z1 > 0)
    return loss, X.T @ dz1, dz1.sum(0), h.T @ d, d.sum(0)
