import numpy as np


def _sq_dists(X, C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def _kmeans_plus_plus(X, k):
    centroids = [X[np.random.randint(len(X))]]
    for _ in range(1, k):
        d2 = _sq_dists(X, np.array(centroids)).min(axis=1)
        centroids.append(X[np.random.choice(len(X), p=d2 / d2.sum())])
    return np.array(centroids)


def kmeans(X, k, max_iters=100):
    X = np.asarray(X, dtype=float)
    n = len(X)
    centroids = _kmeans_plus_plus(X, k)
    labels = None
    for _ in range(max_iters):
        d2 = _sq_dists(X, centroids)
        new = d2.argmin(axis=1)
        own = d2[np.arange(n), new]
        empty = [j for j in range(k) if not np.any(new == j)]
        while empty:
            # Re-seed an empty cluster with the point farthest from its centroid.
            far = own.argmax()
            new[far], own[far] = empty[0], 0.0
            centroids[empty[0]] = X[far]
            empty = [j for j in range(k) if not np.any(new == j)]
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        centroids = np.array([X[labels == j].mean(axis=0) for j in range(k)])
    return centroids, labels
