import numpy as np


def smote(X_minority, n_new, k, random_state):
    """Return n_new synthetic minority points, each between a minority point and one of its k nearest neighbours."""
    # Your code here
    raise NotImplementedError
