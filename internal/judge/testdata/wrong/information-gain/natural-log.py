# expect: wrong_answer
# Measures entropy in nats with np.log instead of bits with np.log2.
import numpy as np


def impurity(y, criterion):
    if len(y) == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / len(y)
    return -(p * np.log(p)).sum() if criterion == "entropy" else 1 - (p ** 2).sum()


def information_gain(y, mask, criterion="entropy"):
    n = len(y)
    left, right = y[mask], y[~mask]
    return impurity(y, criterion) - len(left) / n * impurity(left, criterion) - len(right) / n * impurity(right, criterion)
