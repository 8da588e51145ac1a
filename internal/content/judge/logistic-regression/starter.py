import numpy as np


def logistic_regression(X, y, lr=0.1, n_iters=1000):
    """Fit binary logistic regression by batch gradient descent; return (weights, bias)."""
    # Your code here
    raise NotImplementedError
