import numpy as np


def impurity(y, criterion):
    if len(y) == 0:
        return 0.0
    _, counts = np.unique(y, return_counts=True)
    p = counts / len(y)
    if criterion == "entropy":
        return float(-(p * np.log2(p)).sum())
    return float(1.0 - (p ** 2).sum())


def information_gain(y, mask, criterion="entropy"):
    y = np.asarray(y)
    mask = np.asarray(mask, dtype=bool)
    left, right = y[mask], y[~mask]
    n = len(y)
    children = len(left) / n * impurity(left, criterion) + len(right) / n * impurity(right, criterion)
    return impurity(y, criterion) - children
