import numpy as np


def cases():
    rng = np.random.default_rng(20261204)
    out = [
        {"name": "half dropped", "visible": True,
         "args": [np.array([1.0, 2.0, 3.0, 4.0]), 0.5, np.array([0.9, 0.1, 0.5, 0.3])]},
        {"name": "2-D, p = 0.2", "visible": True,
         "args": [np.array([[1.0, -1.0, 2.0], [0.5, 3.0, -2.0]]), 0.2,
                  np.array([[0.25, 0.05, 0.7], [0.19, 0.2, 0.95]])]},
        {"name": "p = 0 keeps everything", "args": [np.array([[1.5, -2.0], [0.0, 7.0]]), 0.0,
                                                    np.array([[0.0, 0.3], [0.99, 0.5]])]},
        {"name": "p = 1 drops everything", "args": [np.array([1.0, -3.0, 2.5]), 1.0, np.array([0.999, 0.5, 0.0])]},
        {"name": "u equal to p is kept", "args": [np.array([2.0, 4.0, 6.0, 8.0]), 0.25, np.array([0.25, 0.25, 0.1, 0.75])]},
    ]
    for shape, p in [((50,), 0.1), ((8, 16), 0.5), ((4, 5, 6), 0.3), ((10, 10), 0.9)]:
        out.append({"name": "random %s, p = %g" % ("x".join(map(str, shape)), p),
                    "args": [rng.normal(size=shape), p, rng.uniform(size=shape)]})
    return out
