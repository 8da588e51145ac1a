import numpy as np


def minibatch_sgd(X, y, lr, epochs, batch_size, order):
    """Train w for X @ w ≈ y by mini-batch SGD on mean squared error; return w, shape (d,)."""
    # Your code here
    raise NotImplementedError
