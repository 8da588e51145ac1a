import numpy as np


def cases():
    rng = np.random.default_rng(20261201)
    out = [
        {"name": "one vector", "visible": True, "args": [np.array([1.0, 2.0, 3.0])]},
        {"name": "batch of two rows", "visible": True,
         "args": [np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])]},
        {"name": "large equal logits", "args": [np.array([1000.0, 1000.0])]},
        {"name": "large opposite logits", "args": [np.array([1000.0, -1000.0])]},
        {"name": "all very negative", "args": [np.array([-1000.0, -1000.0, -1000.0])]},
        {"name": "single class", "args": [np.array([[3.5], [-2.0], [1000.0]])]},
        {"name": "square batch with large rows",
         "args": [np.array([[1000.0, 999.0, 998.0], [-5.0, 0.0, 5.0], [2.0, 2.0, -1000.0]])]},
        {"name": "random 2-D", "args": [rng.normal(size=(6, 5)) * 3]},
        {"name": "random square 2-D", "args": [rng.normal(size=(8, 8)) * 2]},
        {"name": "random 3-D", "args": [rng.normal(size=(3, 4, 7)) * 4]},
        {"name": "random wide logits", "args": [rng.uniform(-1000, 1000, size=(10, 6))]},
    ]
    return out
