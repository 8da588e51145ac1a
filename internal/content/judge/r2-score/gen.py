import numpy as np


def cases():
    rng = np.random.default_rng(9309)
    out = [
        {"name": "small example", "visible": True,
         "args": [np.array([3.0, -0.5, 2.0, 7.0]), np.array([2.5, 0.0, 2.0, 8.0])]},
        {"name": "worse than the mean", "visible": True,
         "args": [np.array([1.0, 2.0, 3.0]), np.array([3.0, 2.0, 1.0])]},
        {"name": "perfect predictions",
         "args": [np.array([0.5, 1.5, -2.0, 4.0]), np.array([0.5, 1.5, -2.0, 4.0])]},
        {"name": "predicting the mean",
         "args": [np.array([1.0, 2.0, 3.0, 6.0]), np.full(4, 3.0)]},
        {"name": "constant y_true, perfect predictions",
         "args": [np.full(5, 2.5), np.full(5, 2.5)]},
        {"name": "constant y_true, imperfect predictions",
         "args": [np.full(4, 2.5), np.array([2.5, 2.0, 3.0, 2.5])]},
        {"name": "single sample, wrong prediction",
         "args": [np.array([4.0]), np.array([1.0])]},
        {"name": "offset and scaled predictions",
         "args": [np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([3.0, 5.0, 7.0, 9.0, 11.0])]},
        {"name": "very poor predictions",
         "args": [np.array([0.1, 0.2, 0.3, 0.2]), np.array([10.0, -10.0, 5.0, 0.0])]},
    ]
    for n, noise in [(30, 0.5), (200, 2.0), (1000, 0.1)]:
        x = rng.normal(size=n)
        y = 3.0 * x + 1.0 + noise * rng.normal(size=n)
        pred = 2.8 * x + 1.3 + 0.2 * rng.normal(size=n)
        out.append({"name": "random n=%d, noise %.1f" % (n, noise), "args": [y, pred]})
    return out
