import numpy as np


def cases():
    rng = np.random.default_rng(20261205)
    out = [
        {"name": "three examples, two features", "visible": True,
         "args": [np.array([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0]]), np.array([1.0, 1.0]), np.array([0.0, 0.0])]},
        {"name": "scale and shift", "visible": True,
         "args": [np.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]), np.array([2.0, 1.0, 0.5]), np.array([0.5, -1.0, 0.0])]},
        {"name": "single example", "args": [np.array([[3.0, -1.0, 7.0]]), np.array([1.5, 2.0, 0.3]), np.array([0.1, 0.2, 0.3])]},
        {"name": "constant column",
         "args": [np.array([[4.0, 1.0], [4.0, 2.0], [4.0, 5.0], [4.0, -1.0]]), np.array([3.0, 1.0]), np.array([-2.0, 0.0])]},
        {"name": "small-scale features",
         "args": [1e-3 * rng.normal(size=(16, 3)), np.array([1.0, 2.0, 0.5]), np.array([0.0, 0.1, -0.1])]},
        {"name": "square batch, custom eps",
         "args": [rng.normal(size=(5, 5)) * 3 + 1, rng.uniform(0.5, 2, size=5), rng.normal(size=5)],
         "kwargs": {"eps": 0.1}},
    ]
    for n, d in [(8, 4), (32, 10), (64, 3), (2, 6)]:
        x = rng.normal(size=(n, d)) * rng.uniform(0.5, 5, size=d) + rng.normal(size=d) * 3
        out.append({"name": "random %dx%d" % (n, d),
                    "args": [x, rng.uniform(0.5, 2, size=d), rng.normal(size=d)]})
    return out
