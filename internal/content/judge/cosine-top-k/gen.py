import numpy as np


def _cos(q, X):
    denom = np.linalg.norm(X, axis=1) * np.linalg.norm(q)
    dots = X @ q
    return np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)


def _separated(q, X, k):
    s = np.sort(_cos(q, X))[::-1]
    gaps = np.abs(np.diff(s[:min(k + 1, len(s))]))
    assert gaps.size == 0 or gaps.min() > 1e-9, "random case has a near tie"
    return [q, X, k]


def cases():
    rng = np.random.default_rng(20261211)
    ties = np.array([[1, -1, 1, -1], [1, 1, 1, -1], [0, 0, 0, 0], [2, 2, 2, 2], [1, 1, -1, 1],
                     [-1, -1, -1, -1], [2, 2, -2, 2], [1, 1, 1, 1]], dtype=float)
    out = [
        {"name": "four items in the plane", "visible": True,
         "args": [np.array([1.0, 0.0]), np.array([[0.0, 1.0], [3.0, 0.5], [1.0, 1.0], [-1.0, 0.0]]), 2]},
        {"name": "length does not matter", "visible": True,
         "args": [np.array([1.0, 2.0]), np.array([[10.0, 1.0], [0.0, 1.0], [0.0, 0.0], [0.0, 5.0], [-1.0, -1.0]]), 4]},
        {"name": "exact ties and a zero item", "args": [np.ones(4), ties, 6]},
        {"name": "rank everything", "args": [np.ones(4), ties, 8]},
        {"name": "zero item above negative ones",
         "args": [np.array([1.0, 1.0, 0.0]),
                  np.array([[-1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, -2.0, 1.0], [0.0, 0.0, 5.0]]), 3]},
        {"name": "zero query", "args": [np.zeros(3), rng.normal(size=(6, 3)), 4]},
    ]
    for n, d, k in [(30, 5, 1), (50, 8, 5), (200, 16, 10), (120, 4, 120)]:
        q = rng.normal(size=d)
        # item norms spread over two orders of magnitude, so a raw dot product ranks differently
        X = rng.normal(size=(n, d)) * 10 ** rng.uniform(-1, 1, size=(n, 1))
        out.append({"name": "random %d items, d=%d, k=%d" % (n, d, k), "args": _separated(q, X, k)})
    return out
