import numpy as np


def rotated(rng, n, scales, offset=0.0):
    """n points with independent axes of the given spreads, randomly rotated and shifted."""
    d = len(scales)
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return rng.normal(size=(n, d)) * np.asarray(scales) @ q.T + offset


def cases():
    rng = np.random.default_rng(20261202)
    out = [
        {"name": "points along a diagonal line", "visible": True,
         "args": [np.array([[1.0, 1.0], [2.0, 2.1], [3.0, 2.9], [4.0, 4.0]]), 1]},
        {"name": "three features, two components", "visible": True,
         "args": [np.array([[2.0, 0.0, 1.0], [0.0, 1.0, 1.0], [4.0, 1.0, 0.0], [6.0, 3.0, 2.0], [3.0, 5.0, 1.0]]), 2]},
        {"name": "all components of 4 features",
         "args": [rotated(rng, 50, [4.0, 2.0, 1.0, 0.5]), 4]},
        {"name": "data far from the origin",
         "args": [rotated(rng, 40, [3.0, 1.0, 0.3], offset=np.array([100.0, -50.0, 80.0])), 2]},
        {"name": "square output, 3 of 3 components, offset",
         "args": [rotated(rng, 30, [2.0, 1.2, 0.4], offset=5.0), 3]},
        {"name": "more features than samples",
         "args": [rotated(rng, 6, [5.0, 4.0, 3.0, 2.0, 1.0, 0.8, 0.6, 0.4]), 3]},
        {"name": "one component of 10 features",
         "args": [rotated(rng, 200, np.linspace(3.0, 0.3, 10), offset=rng.normal(size=10) * 10), 1]},
        {"name": "five of 8 features",
         "args": [rotated(rng, 120, [6.0, 3.0, 2.5, 1.5, 1.0, 0.5, 0.3, 0.1], offset=2.0), 5]},
        {"name": "integer data",
         "args": [rng.integers(-5, 6, size=(25, 4)).astype(np.int64), 2]},
    ]
    return out
