# expect: wrong_answer
# Assigns each point with argmax instead of argmin of the distances, i.e. to its farthest centroid.
import numpy as np


def kmeans(X, k, max_iters=100):
    X = np.asarray(X, dtype=float)
    C = X[np.random.choice(len(X), size=k, replace=False)].copy()
    labels = None
    for _ in range(max_iters):
        d = np.linalg.norm(X[:, None, :] - C[None], axis=2)
        new = d.argmax(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        C = np.array([X[labels == j].mean(axis=0) if np.any(labels == j) else C[j] for j in range(k)])
    return C, labels
