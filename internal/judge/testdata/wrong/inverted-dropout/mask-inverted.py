# expect: wrong_answer
# Keeps units where u < p, so p acts as the keep probability instead of the drop probability.
import numpy as np


def dropout_forward(x, p, u):
    if p >= 1:
        return np.zeros_like(x)
    return x * (u < p) / (1 - p)
