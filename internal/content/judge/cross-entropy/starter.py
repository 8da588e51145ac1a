import numpy as np


def cross_entropy(y_true, probs, eps=1e-12):
    """Return the mean categorical cross-entropy (natural log) of predicted class probabilities."""
    # Your code here
    raise NotImplementedError
