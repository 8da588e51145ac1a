# expect: wrong_answer
# Moves each centroid to the coordinate-wise median of its points (that is k-medians), not to their mean.
import numpy as np


def kmeans(X, k, max_iters=100):
    X = np.asarray(X, dtype=float)
    C = [X[np.random.randint(len(X))]]
    for _ in range(1, k):
        d2 = ((X[:, None, :] - np.array(C)[None]) ** 2).sum(axis=2).min(axis=1)
        C.append(X[np.random.choice(len(X), p=d2 / d2.sum())])
    C = np.array(C)
    labels = None
    for _ in range(max_iters):
        new = ((X[:, None, :] - C[None]) ** 2).sum(axis=2).argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        C = np.array([np.median(X[labels == j], axis=0) if np.any(labels == j) else C[j] for j in range(k)])
    return C, labels
