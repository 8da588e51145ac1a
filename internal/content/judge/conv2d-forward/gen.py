import numpy as np


def cases():
    rng = np.random.default_rng(20261208)
    n = rng.normal
    x1 = np.arange(16, dtype=float).reshape(1, 1, 4, 4)
    w1 = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])
    out = [
        {"name": "one channel, 2x2 kernel", "visible": True, "args": [x1, w1, np.array([0.5])]},
        {"name": "stride 2 with padding 1", "visible": True,
         "args": [np.arange(25, dtype=float).reshape(1, 1, 5, 5), np.array([[[[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 2.0]]]]),
                  np.array([0.0])], "kwargs": {"stride": 2, "padding": 1}},
        {"name": "1x1 kernel mixes channels", "args": [n(size=(2, 3, 4, 5)), n(size=(4, 3, 1, 1)), n(size=4)]},
        {"name": "kernel covers the padded input",
         "args": [n(size=(2, 2, 3, 4)), n(size=(3, 2, 5, 6)), n(size=3)], "kwargs": {"padding": 1}},
        {"name": "non-square input and kernel", "args": [n(size=(1, 2, 6, 9)), n(size=(2, 2, 3, 2)), n(size=2)]},
        {"name": "stride 2 leaves a remainder",
         "args": [n(size=(2, 3, 7, 8)), n(size=(2, 3, 3, 3)), n(size=2)], "kwargs": {"stride": 2}},
        {"name": "stride 3 with padding 2",
         "args": [n(size=(1, 1, 8, 7)), n(size=(3, 1, 4, 3)), n(size=3)], "kwargs": {"stride": 3, "padding": 2}},
        {"name": "random batch, same padding",
         "args": [n(size=(3, 4, 8, 8)), n(size=(5, 4, 3, 3)), n(size=5)], "kwargs": {"padding": 1}},
        {"name": "random strided, odd sizes",
         "args": [n(size=(2, 2, 9, 11)), n(size=(3, 2, 3, 5)), n(size=3)], "kwargs": {"stride": 2, "padding": 1}},
    ]
    return out
