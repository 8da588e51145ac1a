import numpy as np


def separable(rng, n, w, b, centre, margin=0.3, positive_share=None):
    """n points around centre labelled by sign(x @ w + b), none within margin of the boundary.

    positive_share, when given, fixes the fraction of positive points.
    """
    w = np.asarray(w, dtype=float)
    want_pos = None if positive_share is None else int(round(n * positive_share))
    pos, neg = [], []
    while True:
        x = centre + rng.normal(size=len(w)) * 1.5
        s = (x @ w + b) / np.linalg.norm(w)
        if abs(s) < margin:
            continue
        if s > 0 and (want_pos is None or len(pos) < want_pos):
            pos.append(x)
        elif s < 0 and (want_pos is None or len(neg) < n - want_pos):
            neg.append(x)
        if len(pos) + len(neg) == n:
            break
    X = np.array(pos + neg)
    y = np.array([1] * len(pos) + [0] * len(neg))
    order = rng.permutation(n)
    return X[order], y[order]


def case(rng, name, n, w, b, centre, kwargs=None, positive_share=None):
    X, y = separable(rng, n, w, b, centre, positive_share=positive_share)
    Xh, yh = separable(rng, 200, w, b, centre, positive_share=positive_share)
    c = {"name": name, "args": [X, y], "extra": {"X_holdout": Xh, "y_holdout": yh}}
    if kwargs:
        c["kwargs"] = kwargs
    return c


def cases():
    rng = np.random.default_rng(20261203)
    Xv = np.array([[0.5], [1.0], [1.5], [2.0], [3.0], [3.5], [4.0], [4.5]])
    yv = np.array([0, 0, 0, 0, 1, 1, 1, 1])
    Xv2 = np.array([[1.0, 2.0], [2.0, 1.0], [2.0, 3.0], [3.0, 2.5], [-1.0, -1.5], [-2.0, -1.0], [0.0, -2.0], [-1.5, 0.5]])
    yv2 = np.array([1, 1, 1, 1, 0, 0, 0, 0])
    return [
        {"name": "one feature, threshold at 2.5", "visible": True, "args": [Xv, yv],
         "extra": {"X_holdout": np.array([[0.0], [1.2], [2.2], [2.8], [3.8], [5.0]]),
                   "y_holdout": np.array([0, 0, 0, 1, 1, 1])}},
        {"name": "two features", "visible": True, "args": [Xv2, yv2],
         "extra": {"X_holdout": np.array([[1.5, 1.5], [3.0, 0.5], [-1.0, -2.5], [-2.5, 0.0], [2.5, 3.5], [-0.5, -1.0]]),
                   "y_holdout": np.array([1, 1, 0, 0, 1, 0])}},
        case(rng, "2-D, boundary through the origin", 100, [1.0, -2.0], 0.0, np.zeros(2)),
        case(rng, "2-D, boundary far from the origin", 120, [1.0, 1.0], -8.0, np.array([4.0, 4.0])),
        case(rng, "5-D", 200, [1.0, -0.5, 2.0, 0.0, 1.5], 1.0, np.zeros(5)),
        case(rng, "imbalanced: 20% positive", 150, [2.0, 1.0, -1.0], -1.0, np.array([0.0, 0.5, 0.0]), positive_share=0.2),
        case(rng, "1-D, offset threshold", 80, [1.0], -3.0, np.array([3.0])),
        case(rng, "larger step, fewer iterations", 100, [-1.0, 1.0, 1.0, 0.5], 0.5, np.zeros(4), kwargs={"lr": 0.5, "n_iters": 200}),
        case(rng, "small step, many iterations", 60, [0.5, 1.5], 2.0, np.array([-1.0, -1.0]), kwargs={"lr": 0.05, "n_iters": 3000}),
    ]
