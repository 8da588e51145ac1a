import numpy as np


def cases():
    rng = np.random.default_rng(20261207)
    n = rng.normal
    causal4 = np.tril(np.ones((4, 4), dtype=bool))
    causal6 = np.tril(np.ones((6, 6), dtype=bool))
    pad = np.ones((3, 1, 5), dtype=bool)
    pad[0, 0, 3:] = False
    pad[1, 0, 1:] = False
    out = [
        {"name": "two queries, three keys", "visible": True,
         "args": [np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([[1.0, 1.0], [2.0, 0.0], [0.0, -1.0]]),
                  np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])]},
        {"name": "causal mask", "visible": True,
         "args": [np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
                  np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 2.0]]), np.tril(np.ones((3, 3), dtype=bool))]},
        {"name": "batched cross-attention", "args": [n(size=(2, 3, 4)), n(size=(2, 5, 4)), n(size=(2, 5, 3))]},
        {"name": "batched causal mask shared by the batch",
         "args": [n(size=(2, 6, 8)), n(size=(2, 6, 8)), n(size=(2, 6, 5)), causal6]},
        {"name": "padding mask per sequence",
         "args": [n(size=(3, 4, 4)), n(size=(3, 5, 4)), n(size=(3, 5, 2)), pad]},
        {"name": "large scores", "args": [20 * n(size=(2, 4, 4)), 20 * n(size=(2, 6, 4)), n(size=(2, 6, 3))]},
        {"name": "large scores with causal mask",
         "args": [30 * n(size=(4, 4)), 30 * n(size=(4, 4)), n(size=(4, 2)), causal4]},
        {"name": "single key", "args": [n(size=(3, 4)), n(size=(1, 4)), np.array([[2.0, -1.0, 0.5]])]},
        {"name": "multi-head 4-D with causal mask",
         "args": [n(size=(2, 3, 4, 16)), n(size=(2, 3, 4, 16)), n(size=(2, 3, 4, 8)), causal4]},
        {"name": "random 2-D, no mask", "args": [n(size=(7, 9)), n(size=(10, 9)), n(size=(10, 4)) * 3]},
    ]
    return out
