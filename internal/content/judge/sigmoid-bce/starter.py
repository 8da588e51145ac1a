import numpy as np


def binary_cross_entropy_with_logits(logits, y):
    """Return the mean binary cross-entropy of sigmoid(logits) against labels y, as a float."""
    # Your code here
    raise NotImplementedError
