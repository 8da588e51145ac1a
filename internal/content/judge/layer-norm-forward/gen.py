import numpy as np


def cases():
    rng = np.random.default_rng(20261206)
    out = [
        {"name": "two rows", "visible": True,
         "args": [np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 9.0]]), np.ones(3), np.zeros(3)]},
        {"name": "batch of sequences", "visible": True,
         "args": [np.array([[[1.0, 3.0], [0.0, 4.0]], [[2.0, 2.0], [-1.0, 1.0]]]), np.array([2.0, 0.5]), np.array([0.0, 1.0])]},
        {"name": "one feature", "args": [np.array([[3.0], [-2.0], [10.0]]), np.array([1.7]), np.array([0.4])]},
        {"name": "constant row",
         "args": [np.array([[5.0, 5.0, 5.0, 5.0], [1.0, 2.0, 3.0, 5.0]]), np.array([1.0, 2.0, 3.0, 4.0]), np.array([0.1, 0.2, 0.3, 0.4])]},
        {"name": "single row", "args": [np.array([[0.5, -1.5, 2.0, 0.0, 4.0]]), rng.uniform(0.5, 2, size=5), rng.normal(size=5)]},
        {"name": "square input, custom eps",
         "args": [rng.normal(size=(6, 6)) * 2 + 1, rng.uniform(0.5, 2, size=6), rng.normal(size=6)], "kwargs": {"eps": 0.01}},
    ]
    for shape in [(8, 16), (40, 5), (2, 7, 8), (3, 4, 32)]:
        d = shape[-1]
        x = rng.normal(size=shape) * 3 + rng.normal(size=shape[:-1] + (1,)) * 5
        out.append({"name": "random %s" % "x".join(map(str, shape)),
                    "args": [x, rng.uniform(0.5, 2, size=d), rng.normal(size=d)]})
    return out
