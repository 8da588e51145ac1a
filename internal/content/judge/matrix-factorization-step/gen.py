import numpy as np


def cases():
    rng = np.random.default_rng(20261212)

    def entries(n_users, n_items, m):
        us = rng.integers(0, n_users, size=m)
        its = rng.integers(0, n_items, size=m)
        rs = rng.integers(1, 6, size=m).astype(float)
        return [[int(u), int(i), float(r)] for u, i, r in zip(us, its, rs)]

    P1 = np.array([[1.0, 0.5], [0.2, -0.3]])
    Q1 = np.array([[0.8, 0.1], [0.4, 0.9], [-0.5, 0.2]])
    out = [
        {"name": "one rating", "visible": True, "args": [[[0, 1, 4.0]], P1, Q1, 0.1, 0.02]},
        {"name": "user seen twice", "visible": True,
         "args": [[[0, 0, 5.0], [1, 2, 1.0], [0, 2, 3.0]], P1, Q1, 0.05, 0.1]},
        {"name": "no ratings", "args": [[], P1, Q1, 0.1, 0.02]},
        {"name": "same pair back to back", "args": [[[1, 1, 5.0], [1, 1, 5.0], [1, 1, 5.0]], P1, Q1, 0.1, 0.0]},
        {"name": "no regularisation", "args": [entries(3, 4, 8), 0.5 * rng.normal(size=(3, 2)), 0.5 * rng.normal(size=(4, 2)), 0.05, 0.0]},
    ]
    for n_users, n_items, k, m, lr, reg in [(5, 6, 3, 20, 0.02, 0.05), (20, 15, 4, 120, 0.01, 0.02),
                                             (50, 40, 8, 400, 0.005, 0.1), (4, 30, 2, 60, 0.03, 0.01)]:
        out.append({"name": "random %d users, %d items, %d ratings" % (n_users, n_items, m),
                    "args": [entries(n_users, n_items, m), 0.3 * rng.normal(size=(n_users, k)),
                             0.3 * rng.normal(size=(n_items, k)), lr, reg]})
    return out
