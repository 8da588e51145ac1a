import numpy as np


def cases():
    rng = np.random.default_rng(20261207)
    b = lambda *v: np.array(v, dtype=bool)
    out = [
        {"name": "perfect split", "visible": True,
         "args": [np.array([0, 0, 1, 1]), b(1, 1, 0, 0)]},
        {"name": "uneven split, entropy", "visible": True,
         "args": [np.array([0, 0, 0, 1, 1, 1, 1, 1]), b(1, 1, 1, 1, 1, 0, 0, 0)]},
        {"name": "same split, gini", "visible": True,
         "args": [np.array([0, 0, 0, 1, 1, 1, 1, 1]), b(1, 1, 1, 1, 1, 0, 0, 0)], "kwargs": {"criterion": "gini"}},
        {"name": "every point on one side",
         "args": [np.array([0, 1, 1, 2, 2, 2]), b(1, 1, 1, 1, 1, 1)]},
        {"name": "no point selected, gini",
         "args": [np.array([3, 1, 1, 3, 2]), b(0, 0, 0, 0, 0)], "kwargs": {"criterion": "gini"}},
        {"name": "pure parent",
         "args": [np.array([4, 4, 4, 4, 4]), b(1, 0, 1, 0, 0)]},
        {"name": "one point split off, entropy",
         "args": [np.array([0, 1, 1, 0, 1, 0, 1]), b(0, 0, 0, 0, 0, 0, 1)]},
        {"name": "single sample",
         "args": [np.array([2]), b(1)], "kwargs": {"criterion": "gini"}},
    ]
    y = rng.integers(0, 4, size=60)
    mask = rng.random(60) < 0.25
    out.append({"name": "four classes, 60 samples, entropy", "args": [y, mask]})
    out.append({"name": "four classes, 60 samples, gini", "args": [y, mask], "kwargs": {"criterion": "gini"}})
    y = rng.integers(0, 3, size=200)
    mask = (y == 2) | (rng.random(200) < 0.1)
    out.append({"name": "an informative split of 200 samples, entropy", "args": [y, mask]})
    y = np.array([5, 5, 9, 9, 9, 7, 7, 7, 7, 5, 9, 7])
    out.append({"name": "labels 5, 7 and 9, gini", "args": [y, y == 7], "kwargs": {"criterion": "gini"}})
    return out
