import numpy as np


def cases():
    rng = np.random.default_rng(8208)
    X6 = np.arange(12, dtype=np.float64).reshape(6, 2)
    out = [
        {"name": "six rows, seed 0", "visible": True,
         "args": [X6, np.array([0, 1, 0, 1, 1, 0], dtype=np.int64), 0]},
        {"name": "four rows, seed 7", "visible": True,
         "args": [np.array([[1.5], [2.5], [3.5], [4.5]]), np.array([10.0, 20.0, 30.0, 40.0]), 7]},
        {"name": "one row",
         "args": [np.array([[3.0, -1.0, 2.0]]), np.array([1], dtype=np.int64), 5]},
        {"name": "two rows",
         "args": [np.array([[0.0, 1.0], [2.0, 3.0]]), np.array([7, 9], dtype=np.int64), 1]},
        {"name": "six rows, another seed",
         "args": [X6, np.array([0, 1, 0, 1, 1, 0], dtype=np.int64), 123]},
    ]
    for n, d, seed in [(20, 3, 11), (100, 4, 2024), (500, 2, 99)]:
        X = rng.normal(size=(n, d))
        y = rng.integers(0, 3, size=n).astype(np.int64)
        out.append({"name": "random n=%d, int labels" % n, "args": [X, y, seed]})
    X = rng.normal(size=(60, 5))
    out.append({"name": "random n=60, float targets", "args": [X, X @ rng.normal(size=5), 31337]})
    return out
