# expect: wrong_answer
# Sums the per-sample losses instead of averaging them.
import numpy as np


def cross_entropy(y_true, probs, eps=1e-12):
    p = np.clip(probs, eps, 1 - eps)
    return float(-np.sum(np.log(p[np.arange(len(y_true)), y_true])))
