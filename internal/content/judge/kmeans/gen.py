import numpy as np


def blobs(rng, sizes, dim, spread=0.5, gap=100.0):
    """Gaussian blobs whose centres are at least `gap` apart, rows shuffled."""
    centres = []
    while len(centres) < len(sizes):
        c = rng.uniform(-200, 200, size=dim)
        if all(np.linalg.norm(c - o) >= gap for o in centres):
            centres.append(c)
    X = np.vstack([c + spread * rng.normal(size=(m, dim)) for c, m in zip(centres, sizes)])
    y = np.repeat(np.arange(len(sizes)), sizes)
    order = rng.permutation(len(y))
    return X[order], y[order]


def cases():
    rng = np.random.default_rng(20261201)
    out = [
        {"name": "two blobs", "visible": True,
         "args": [np.array([[1.0, 1.0], [1.5, 2.0], [21.0, 20.0], [1.0, 1.5], [22.0, 20.5], [21.5, 21.0]]), 2],
         "extra": {"labels": np.array([0, 0, 1, 0, 1, 1])}},
        {"name": "k = 1", "visible": True,
         "args": [np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 3.0], [2.0, 5.0]]), 1],
         "extra": {"labels": np.zeros(4, dtype=int)}},
    ]
    for name, sizes, dim in [("three blobs in 2-D", [15, 15, 15], 2),
                             ("four blobs in 3-D, unequal sizes", [10, 25, 5, 40], 3),
                             ("six blobs in 2-D", [12, 8, 20, 10, 15, 9], 2),
                             ("three blobs in 5-D", [30, 30, 30], 5)]:
        X, y = blobs(rng, sizes, dim)
        out.append({"name": name, "args": [X, len(sizes)], "extra": {"labels": y}})
    X = rng.uniform(0, 10, size=(120, 2))
    out.append({"name": "uniform square, k = 4", "args": [X, 4]})
    X = rng.normal(size=(90, 3)) * np.array([5.0, 2.0, 1.0])
    out.append({"name": "one gaussian cloud, k = 5", "args": [X, 5]})
    X = rng.normal(size=(40, 4))
    out.append({"name": "k = 1 in 4-D", "args": [X, 1], "extra": {"labels": np.zeros(40, dtype=int)}})
    X = rng.uniform(-5, 5, size=(7, 2))
    out.append({"name": "k equals the number of points", "args": [X, 7], "extra": {"labels": np.arange(7)}})
    X = rng.uniform(0, 1, size=(60, 2))
    out.append({"name": "uniform square, k = 8, max_iters = 300", "args": [X, 8], "kwargs": {"max_iters": 300}})
    return out
