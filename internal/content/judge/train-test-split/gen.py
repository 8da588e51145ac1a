import numpy as np


def data(rng, n, d, float_labels=False):
    X = np.round(rng.normal(size=(n, d)), 3)
    y = rng.permutation(n).astype(np.int64) + 100
    if float_labels:
        y = y * 0.5
    return X, y


def seeded(X, y, seed, test_size=None):
    kwargs = {"random_state": seed}
    if test_size is not None:
        kwargs["test_size"] = test_size
    return {"args": [X, y], "kwargs": kwargs}


def cases():
    rng = np.random.default_rng(7107)
    Xa, ya = data(rng, 10, 2)
    Xb, yb = data(rng, 53, 3)
    Xc, yc = data(rng, 51, 2)
    Xd, yd = data(rng, 60, 4)
    Xe, ye = data(rng, 200, 5, float_labels=True)
    Xf, yf = data(rng, 77, 1)
    Xg, yg = data(rng, 60, 2)
    Xh, yh = data(rng, 5, 3)
    return [
        {"name": "10 rows, default test_size", "visible": True, "args": [Xa, ya], "kwargs": {"random_state": 0}},
        {"name": "53 rows: 10.6 rounds up to 11", "visible": True, "args": [Xb, yb], "kwargs": {"random_state": 3}},
        {"name": "seed 1, seed 1, seed 2",
         "calls": [seeded(Xd, yd, 1), seeded(Xd, yd, 1), seeded(Xd, yd, 2)]},
        {"name": "test_size 0.3 of 51 rows",
         "calls": [seeded(Xc, yc, 5, 0.3), seeded(Xc, yc, 5, 0.3), seeded(Xc, yc, 6, 0.3)]},
        {"name": "float labels, test_size 0.25",
         "calls": [seeded(Xe, ye, 11, 0.25), seeded(Xe, ye, 12, 0.25), seeded(Xe, ye, 11, 0.25)]},
        {"name": "one feature, test_size 0.33",
         "calls": [seeded(Xf, yf, 21, 0.33), seeded(Xf, yf, 22, 0.33)]},
        {"name": "large test part, test_size 0.9",
         "calls": [seeded(Xg, yg, 8, 0.9), seeded(Xg, yg, 9, 0.9)]},
        {"name": "five rows", "args": [Xh, yh], "kwargs": {"random_state": 2}},
        {"name": "positional arguments",
         "calls": [{"args": [Xb, yb, 0.15, 40]}, {"args": [Xb, yb, 0.15, 40]}, {"args": [Xb, yb, 0.15, 41]}]},
    ]
