# expect: wrong_answer
# Clips only from below with np.maximum, so a probability of 1 is never pulled down to 1 - eps.
import numpy as np


def cross_entropy(y_true, probs, eps=1e-12):
    p = np.maximum(probs, eps)
    return float(-np.mean(np.log(p[np.arange(len(y_true)), y_true])))
