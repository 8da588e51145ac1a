import numpy as np


def cases():
    rng = np.random.default_rng(3703)
    out = [
        {"name": "graded list, k=3", "visible": True,
         "args": [np.array([3, 2, 3, 0, 1, 2], dtype=np.int64), 3]},
        {"name": "binary relevance, k=5", "visible": True,
         "args": [np.array([0, 1, 0, 1, 1], dtype=np.int64), 5]},
        {"name": "all grades zero",
         "args": [np.array([0, 0, 0, 0], dtype=np.int64), 3]},
        {"name": "k larger than the list",
         "args": [np.array([1, 3, 0, 2], dtype=np.int64), 10]},
        {"name": "k=1",
         "args": [np.array([2, 3, 1], dtype=np.int64), 1]},
        {"name": "ideal order already",
         "args": [np.array([3, 3, 2, 1, 0], dtype=np.int64), 4]},
        {"name": "best document just below the cut-off",
         "args": [np.array([1, 0, 2, 3, 0, 0], dtype=np.int64), 3]},
        {"name": "relevant documents only below the cut-off",
         "args": [np.array([0, 0, 0, 2, 1], dtype=np.int64), 2]},
        {"name": "fractional grades as a Python list",
         "args": [[0.5, 2.5, 0.0, 1.25, 3.0], 4]},
        {"name": "single document",
         "args": [np.array([2.0]), 5]},
    ]
    for n, k, top in [(20, 10, 4), (100, 25, 5), (500, 50, 3)]:
        rel = rng.integers(0, top + 1, size=n).astype(np.int64)
        out.append({"name": "random graded n=%d, k=%d" % (n, k), "args": [rel, k]})
    return out
