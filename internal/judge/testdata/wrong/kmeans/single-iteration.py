# expect: wrong_answer
# Runs one assign-and-update round and stops, so the labels belong to the initial centroids, not to the returned ones.
import numpy as np


def kmeans(X, k, max_iters=100):
    X = np.asarray(X, dtype=float)
    C = [X[np.random.randint(len(X))]]
    for _ in range(1, k):
        d2 = ((X[:, None, :] - np.array(C)[None]) ** 2).sum(axis=2).min(axis=1)
        C.append(X[np.random.choice(len(X), p=d2 / d2.sum())])
    C = np.array(C)
    labels = ((X[:, None, :] - C[None]) ** 2).sum(axis=2).argmin(axis=1)
    C = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else C[j] for j in range(k)])
    return C, labels
