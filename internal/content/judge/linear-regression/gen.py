import numpy as np


def cases():
    rng = np.random.default_rng(20261125)
    out = [
        {"name": "exact fit, two features", "visible": True,
         "args": [np.array([[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.array([1.0, 2.0, 3.0])]},
        {"name": "one feature", "visible": True,
         "args": [np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([2.1, 3.9, 6.2, 7.8])]},
        {"name": "square system",
         "args": [np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([3.0, 5.0])]},
    ]
    for k, (n, d) in enumerate([(20, 3), (50, 4), (200, 8), (500, 10)]):
        X = rng.normal(size=(n, d))
        w = rng.normal(size=d)
        y = X @ w + 0.1 * rng.normal(size=n)
        out.append({"name": "random %dx%d with noise" % (n, d), "args": [X, y]})
    X = rng.normal(size=(100, 3)) * np.array([1000.0, 1.0, 0.001])
    out.append({"name": "badly scaled columns", "args": [X, X @ np.array([0.002, -1.5, 400.0])]})
    base = rng.normal(size=(60, 1))
    X = np.hstack([base, base + 1e-3 * rng.normal(size=(60, 1)), rng.normal(size=(60, 1))])
    out.append({"name": "nearly collinear columns", "args": [X, X @ np.array([1.0, 2.0, -1.0]) + 0.01 * rng.normal(size=60)]})
    X = rng.normal(size=(30, 5))
    out.append({"name": "noise-free random", "args": [X, X @ np.array([3.0, -2.0, 0.0, 0.5, 1.0])]})
    return out
