import numpy as np


def cases():
    rng = np.random.default_rng(20261204)
    out = [
        {"name": "two classes, k = 3", "visible": True,
         "args": [np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0]]),
                  np.array([0, 0, 0, 1, 1, 1]),
                  np.array([[0.5, 0.5], [5.5, 5.0], [2.0, 2.0]]), 3]},
        {"name": "vote tie goes to the smaller label", "visible": True,
         "args": [np.array([[0.0], [1.0], [3.0], [4.0], [10.0]]), np.array([1, 1, 0, 0, 1]),
                  np.array([[2.0], [0.5]]), 4]},
        # Integer coordinates make equal distances exactly equal however they are computed.
        {"name": "distance ties, k = 1: the lower training index wins",
         "args": [np.array([[3.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, -1.0], [-1.0, 0.0], [2.0, 2.0]]),
                  np.array([2, 1, 0, 2, 2, 0]),
                  np.array([[0.0, 0.0], [1.0, 1.0], [0.5, -0.5]]), 1]},
        {"name": "distance ties at the k-th neighbour, k = 3",
         "args": [np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [0.0, 0.0]]),
                  np.array([5, 5, 3, 3, 3]),
                  np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 2.0], [0.0, -2.0]]), 3]},
        {"name": "vote tie where the nearest neighbour has the larger label",
         "args": [np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]), np.array([7, 3, 7, 3, 3, 7]),
                  np.array([[-1.0], [0.1], [2.2]]), 4]},
    ]
    grid = np.array([[i, j] for i in range(-3, 4) for j in range(-3, 4)], dtype=float)
    grid = grid[rng.permutation(len(grid))]
    yg = rng.integers(0, 3, size=len(grid))
    queries = rng.integers(-3, 4, size=(30, 2)) + rng.choice([0.0, 0.5], size=(30, 2))
    out.append({"name": "49-point integer grid, many distance ties",
                "calls": [{"args": [grid, yg, queries, k]} for k in (1, 3, 5, 8)]})
    out.append({"name": "k = 1 returns the nearest label",
                "args": [rng.normal(size=(30, 3)), rng.integers(0, 4, size=30), rng.normal(size=(10, 3)), 1]})
    X = rng.normal(size=(12, 2))
    y = np.array([0, 1, 1, 2, 0, 1, 2, 2, 0, 1, 1, 0])
    out.append({"name": "k equals the training size", "args": [X, y, rng.normal(size=(5, 2)), 12]})
    for name, n, d, c, k in [("three classes in 2-D", 60, 2, 3, 5), ("five classes in 6-D", 120, 6, 5, 7),
                             ("two classes, even k = 6", 80, 3, 2, 6)]:
        centres = rng.normal(size=(c, d)) * 2.0
        y = rng.integers(0, c, size=n)
        X = centres[y] + rng.normal(size=(n, d))
        yt = rng.integers(0, c, size=40)
        out.append({"name": name, "args": [X, y, centres[yt] + rng.normal(size=(40, d)) * 1.5, k]})
    y = rng.choice(np.array([2, 9, 40]), size=50)
    X = rng.normal(size=(50, 2)) + (y[:, None] == 9) * 1.5
    out.append({"name": "labels 2, 9 and 40", "args": [X, y, rng.normal(size=(20, 2)), 5]})
    return out
