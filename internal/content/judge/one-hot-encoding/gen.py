import numpy as np


def cases():
    rng = np.random.default_rng(20261209)
    out = [
        {"name": "three classes", "visible": True, "args": [np.array([0, 2, 1, 2])]},
        {"name": "explicit n_classes wider than the labels", "visible": True,
         "args": [np.array([1, 0, 1])], "kwargs": {"n_classes": 4}},
        {"name": "a class that never occurs", "args": [np.array([0, 3, 3, 1])]},
        {"name": "one label, class 0", "args": [np.array([0])]},
        {"name": "every label the same, not 0", "args": [np.array([4, 4, 4])]},
        {"name": "no class 0 in the data", "args": [np.array([2, 1, 2, 1, 3])]},
        {"name": "empty labels with n_classes", "args": [np.array([], dtype=np.int64)], "kwargs": {"n_classes": 3}},
        {"name": "n_classes equal to max + 1", "args": [np.array([2, 0, 1, 1])], "kwargs": {"n_classes": 3}},
        {"name": "n_classes passed positionally", "args": [np.array([0, 1]), 5]},
        {"name": "100 labels over 10 classes", "args": [rng.integers(0, 10, size=100)]},
        {"name": "50 labels, n_classes 12", "args": [rng.integers(0, 8, size=50)], "kwargs": {"n_classes": 12}},
    ]
    return out
