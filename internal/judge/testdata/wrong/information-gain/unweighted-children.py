# expect: wrong_answer
# Averages the two children's impurities equally instead of weighting each by its share of the samples.
import numpy as np


def impurity(y, criterion):
    if len(y) == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / len(y)
    return -(p * np.log2(p)).sum() if criterion == "entropy" else 1 - (p ** 2).sum()


def information_gain(y, mask, criterion="entropy"):
    return impurity(y, criterion) - 0.5 * (impurity(y[mask], criterion) + impurity(y[~mask], criterion))
