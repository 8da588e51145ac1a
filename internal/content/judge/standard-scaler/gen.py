import numpy as np


def cases():
    rng = np.random.default_rng(20261208)
    out = [
        {"name": "two features", "visible": True,
         "args": [np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [6.0, 60.0]]), np.array([[4.0, 0.0], [0.0, 25.0]])]},
        {"name": "a constant column", "visible": True,
         "args": [np.array([[1.0, 5.0], [3.0, 5.0], [5.0, 5.0]]), np.array([[2.0, 5.0], [4.0, 7.0]])]},
    ]
    Xtr = rng.normal(size=(40, 3)) * np.array([1.0, 5.0, 0.2]) + np.array([0.0, -3.0, 10.0])
    Xte = rng.normal(size=(25, 3)) * 3.0 + 6.0  # a shifted test set: fitting on it too would move the mean
    out.append({"name": "test set drawn from a shifted distribution", "args": [Xtr, Xte]})
    out.append({"name": "three training rows",
                "args": [np.array([[1.0, 2.0, -1.0], [4.0, 0.0, 3.0], [7.0, 1.0, 2.0]]), rng.normal(size=(4, 3))]})
    Xtr = rng.normal(size=(30, 4))
    Xtr[:, 1] = -2.0
    Xtr[:, 3] = 0.0
    Xte = rng.normal(size=(6, 4))
    out.append({"name": "two constant columns among four", "args": [Xtr, Xte]})
    out.append({"name": "one test row", "args": [rng.uniform(0, 100, size=(20, 2)), np.array([[50.0, 50.0]])]})
    out.append({"name": "empty test set", "args": [rng.normal(size=(10, 3)), np.empty((0, 3))]})
    out.append({"name": "one feature", "args": [rng.exponential(size=(50, 1)), rng.exponential(size=(10, 1))]})
    Xtr = 1e6 + rng.normal(size=(50, 2))
    out.append({"name": "values near one million with unit spread", "args": [Xtr, 1e6 + rng.normal(size=(8, 2))]})
    out.append({"name": "integer input", "args": [rng.integers(0, 10, size=(12, 3)), rng.integers(0, 10, size=(5, 3))]})
    return out
