import numpy as np


def cases():
    rng = np.random.default_rng(5905)
    out = [
        {"name": "three samples, three classes", "visible": True,
         "args": [np.array([0, 2, 1], dtype=np.int64),
                  np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.25, 0.5, 0.25]])]},
        {"name": "zero probability on the true class", "visible": True,
         "args": [np.array([1, 0], dtype=np.int64), np.array([[1.0, 0.0], [0.8, 0.2]])]},
        {"name": "zero probability, custom eps",
         "args": [np.array([2, 0, 1], dtype=np.int64),
                  np.array([[0.5, 0.5, 0.0], [0.9, 0.05, 0.05], [0.2, 0.6, 0.2]])],
         "kwargs": {"eps": 1e-7}},
        {"name": "certain and right, large eps",
         "args": [np.array([0, 1, 1], dtype=np.int64), np.array([[1.0, 0.0], [0.0, 1.0], [0.3, 0.7]])],
         "kwargs": {"eps": 0.01}},
        {"name": "single sample",
         "args": [np.array([3], dtype=np.int64), np.array([[0.1, 0.2, 0.3, 0.4]])]},
        {"name": "uniform predictions over 10 classes",
         "args": [np.arange(10, dtype=np.int64), np.full((10, 10), 0.1)]},
    ]
    for n, c in [(30, 3), (200, 10), (500, 50)]:
        y = rng.integers(0, c, size=n).astype(np.int64)
        probs = rng.dirichlet(np.full(c, 0.5), size=n)
        out.append({"name": "random n=%d, %d classes" % (n, c), "args": [y, probs]})
    y = rng.integers(0, 4, size=100).astype(np.int64)
    probs = rng.dirichlet(np.ones(4), size=100)
    hard = rng.random(100) < 0.1
    probs[hard] = np.eye(4)[(y[hard] + 1) % 4]
    out.append({"name": "random n=100 with some confident mistakes", "args": [y, probs]})
    return out
