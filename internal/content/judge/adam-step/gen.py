import numpy as np


def cases():
    rng = np.random.default_rng(20261203)
    z3 = np.zeros(3)
    out = [
        {"name": "first step from zero moments", "visible": True,
         "args": [np.array([1.0, -2.0, 0.5]), np.array([0.1, -0.3, 2.0]), z3, z3, 1]},
        {"name": "third step with moments", "visible": True,
         "args": [np.array([0.5, 1.5]), np.array([0.2, -0.1]), np.array([0.05, -0.02]),
                  np.array([0.001, 0.0004]), 3]},
        {"name": "tiny gradients", "args": [np.array([1.0, 2.0, 3.0]), np.array([1e-6, -2e-6, 5e-7]), z3, z3, 1]},
        {"name": "zero gradient", "args": [np.array([0.3, -0.7]), np.zeros(2), np.zeros(2), np.zeros(2), 1]},
        {"name": "late step, 2-D parameters",
         "args": [rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), 0.1 * rng.normal(size=(3, 4)),
                  0.01 * rng.uniform(size=(3, 4)), 1000]},
        {"name": "custom hyperparameters",
         "args": [rng.normal(size=5), rng.normal(size=5), 0.1 * rng.normal(size=5), 0.05 * rng.uniform(size=5), 4],
         "kwargs": {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-3}},
    ]
    for k, (shape, t) in enumerate([((6,), 2), ((4, 5), 10), ((20,), 57)]):
        out.append({"name": "random step %d, shape %s" % (t, "x".join(map(str, shape))),
                    "args": [rng.normal(size=shape), rng.normal(size=shape) * 10 ** rng.uniform(-3, 1, size=shape),
                             0.1 * rng.normal(size=shape), 0.01 * rng.uniform(size=shape), t]})
    return out
