# expect: wrong_answer
# Divides class counts by the size of an empty child (0 / 0), so a split with nothing on one side returns NaN instead of 0.
import numpy as np


def information_gain(y, mask, criterion="entropy"):
    k = y.max() + 1

    def impurity(part):
        p = np.bincount(part, minlength=k) / len(part)
        if criterion == "entropy":
            return -np.sum(p * np.log2(p, where=p > 0, out=np.zeros_like(p)))
        return 1 - np.sum(p ** 2)

    n = len(y)
    left, right = y[mask], y[~mask]
    return impurity(y) - len(left) / n * impurity(left) - len(right) / n * impurity(right)
