# expect: wrong_answer
# Averages the loss over N but forgets the 1/N in the backward pass, so every gradient is N times too large.
import numpy as np


def mlp_backward(X, y, W1, b1, W2, b2):
    N = len(X)
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0)
    logits = h @ W2 + b2
    s = logits - logits.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(N), y].mean()
    d = np.exp(logp)
    d[np.arange(N), y] -= 1
    dz1 = (d @ W2.T) * (z1 > 0)
    return loss, X.T @ dz1, dz1.sum(0), h.T @ d, d.sum(0)
