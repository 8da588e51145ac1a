import numpy as np


def cases():
    rng = np.random.default_rng(20261210)
    clumps = np.vstack([rng.normal(size=(6, 2)) * 0.5, rng.normal(size=(6, 2)) * 0.5 + np.array([20.0, 15.0])])
    clumps = clumps[rng.permutation(len(clumps))]
    clumps3 = np.vstack([rng.normal(size=(5, 3)), rng.normal(size=(5, 3)) + 30.0, rng.normal(size=(5, 3)) - 30.0])
    return [
        {"name": "five points, k = 2", "visible": True,
         "args": [np.array([[1.0, 1.0], [2.0, 1.0], [1.5, 2.0], [3.0, 3.0], [2.5, 1.5]]), 4, 2, 0]},
        {"name": "square corners, k = 1", "visible": True,
         "args": [np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 3.0], [1.0, 3.0]]), 6, 1, 7]},
        {"name": "two far-apart clumps, k = 2", "args": [clumps, 40, 2, 1]},
        {"name": "three clumps in 3-D, k = 3", "args": [clumps3, 45, 3, 2]},
        {"name": "k = n - 1: every other point is a neighbour", "args": [rng.normal(size=(6, 2)), 20, 5, 3]},
        {"name": "30 points in 5-D, k = 5", "args": [rng.normal(size=(30, 5)), 60, 5, 4]},
        {"name": "40 points in 2-D, k = 3", "args": [rng.uniform(0, 10, size=(40, 2)), 80, 3, 5]},
        {"name": "n_new = 0", "args": [rng.normal(size=(5, 2)), 0, 2, 6]},
        {"name": "one new point", "args": [rng.normal(size=(8, 4)), 1, 3, 8]},
        {"name": "two minority points, k = 1", "args": [np.array([[0.0, 0.0, 1.0], [2.0, 4.0, 1.0]]), 5, 1, 9]},
    ]
