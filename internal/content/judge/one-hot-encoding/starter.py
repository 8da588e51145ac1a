import numpy as np


def one_hot(labels, n_classes=None):
    """Return an (n, n_classes) matrix with a single 1.0 per row, in the column given by that row's label."""
    # Your code here
    raise NotImplementedError
