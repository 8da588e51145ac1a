import numpy as np


def cases():
    rng = np.random.default_rng(20261213)
    return [
        {"name": "four predictions", "visible": True,
         "args": [np.array([2.0, -1.0, 0.5, -3.0]), np.array([1.0, 0.0, 0.0, 1.0])]},
        {"name": "zero logits", "visible": True, "args": [np.array([0.0, 0.0, 0.0]), np.array([1.0, 0.0, 1.0])]},
        {"name": "confident and right", "args": [np.array([1000.0, -1000.0, 800.0]), np.array([1.0, 0.0, 1.0])]},
        {"name": "confident and wrong", "args": [np.array([1000.0, -1000.0]), np.array([0.0, 1.0])]},
        {"name": "mixed extremes", "args": [np.array([1000.0, -1000.0, 40.0, -40.0, 1.0]), np.array([1.0, 1.0, 0.0, 0.0, 1.0])]},
        {"name": "soft labels", "args": [np.array([2.0, -0.5, 30.0, -7.0]), np.array([0.9, 0.2, 0.5, 0.05])]},
        {"name": "2-D batch", "args": [rng.normal(size=(4, 5)) * 3, rng.integers(0, 2, size=(4, 5)).astype(float)]},
        {"name": "random 1-D", "args": [rng.normal(size=200) * 5, rng.integers(0, 2, size=200).astype(float)]},
        {"name": "random wide logits", "args": [rng.uniform(-1000, 1000, size=50), rng.integers(0, 2, size=50).astype(float)]},
    ]
