import numpy as np


def data(rng, n, d, offset=0.0, y_offset=0.0, noise=0.5):
    X = rng.normal(size=(n, d)) * rng.uniform(0.5, 3.0, size=d) + offset
    y = X @ rng.normal(size=d) + y_offset + noise * rng.normal(size=n)
    return X, y


def cases():
    rng = np.random.default_rng(20261205)
    out = [
        {"name": "one feature, alpha = 1", "visible": True,
         "args": [np.array([[1.0], [2.0], [3.0], [4.0]]), np.array([3.0, 5.0, 7.0, 9.0]), 1.0]},
        {"name": "alpha = 0 is least squares with an intercept", "visible": True,
         "args": [np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]]), np.array([1.0, 2.0, 6.0, 5.0]), 0.0]},
    ]
    X, y = data(rng, 30, 3)
    out.append({"name": "30 x 3, alpha = 0.5", "args": [X, y, 0.5]})
    X, y = data(rng, 50, 4, offset=50.0, y_offset=200.0)
    out.append({"name": "features and target far from zero, alpha = 10", "args": [X, y, 10.0]})
    X, y = data(rng, 40, 5, y_offset=-30.0)
    out.append({"name": "very large alpha", "args": [X, y, 1e6]})
    X, y = data(rng, 6, 10, offset=2.0)
    out.append({"name": "more features than samples, alpha = 1", "args": [X, y, 1.0]})
    X, y = data(rng, 25, 1, offset=-4.0, y_offset=7.0)
    out.append({"name": "one feature with an offset, alpha = 3", "args": [X, y, 3.0]})
    X, y = data(rng, 100, 8, offset=rng.normal(size=8) * 5)
    out.append({"name": "100 x 8, alpha = 2.5", "args": [X, y, 2.5]})
    base = rng.normal(size=(40, 1))
    X = np.hstack([base, base + 1e-4 * rng.normal(size=(40, 1)), rng.normal(size=(40, 1))]) + 1.0
    out.append({"name": "two nearly identical columns, alpha = 0.1",
                "args": [X, X @ np.array([1.0, 1.0, -2.0]) + 0.1 * rng.normal(size=40), 0.1]})
    X, y = data(rng, 20, 3, offset=10.0, y_offset=5.0)
    out.append({"name": "alpha = 0 with an offset", "args": [X, y, 0.0]})
    return out
