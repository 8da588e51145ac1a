import numpy as np


def mlp_backward(X, y, W1, b1, W2, b2):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    N = X.shape[0]
    z1 = X @ W1 + b1
    h = np.maximum(z1, 0.0)
    logits = h @ W2 + b2
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y].mean()

    dlogits = np.exp(log_probs)
    dlogits[np.arange(N), y] -= 1.0
    dlogits /= N
    dW2 = h.T @ dlogits
    db2 = dlogits.sum(axis=0)
    dz1 = (dlogits @ W2.T) * (z1 > 0)
    dW1 = X.T @ dz1
    db1 = dz1.sum(axis=0)
    return float(loss), dW1, db1, dW2, db2
