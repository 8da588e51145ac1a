# expect: wrong_answer
# Shifts the logits but takes log of the softmax probabilities, which underflow to 0 for large gaps and give an infinite loss.
import numpy as np


def mlp_backward(X, y, W1, b1, W2, b2):
    N = len(X)
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0)
    logits = h @ W2 + b2
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(N), y]).mean()
    d = p.copy()
    d[np.arange(N), y] -= 1
    d /= N
    dz1 = (d @ W2.T) * (z1 > 0)
    return loss, X.T @ dz1, dz1.sum(0), h.T @ d, d.sum(0)
