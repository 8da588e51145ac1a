import numpy as np


def bootstrap_sample(X, y, random_state):
    """Return (X_boot, y_boot, oob_idx): n rows drawn with replacement, and the sorted indices never drawn."""
    # Your code here
    raise NotImplementedError
