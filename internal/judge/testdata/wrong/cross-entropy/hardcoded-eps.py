# expect: wrong_answer
# Clips with a hard-coded 1e-15 and ignores the eps argument.
import numpy as np


def cross_entropy(y_true, probs, eps=1e-12):
    p = np.clip(probs, 1e-15, 1 - 1e-15)
    return float(-np.mean(np.log(p[np.arange(len(y_true)), y_true])))
