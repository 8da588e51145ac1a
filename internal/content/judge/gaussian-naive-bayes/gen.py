import numpy as np


def gaussian_classes(rng, means, stds, sizes):
    X = np.vstack([m + s * rng.normal(size=(n, len(m))) for m, s, n in zip(means, stds, sizes)])
    y = np.repeat(np.arange(len(sizes)), sizes)
    order = rng.permutation(len(y))
    return X[order], y[order]


def cases():
    rng = np.random.default_rng(20261206)
    out = [
        {"name": "two classes, one feature", "visible": True,
         "args": [np.array([[1.0], [2.0], [3.0], [6.0], [7.0], [9.0]]), np.array([0, 0, 0, 1, 1, 1]),
                  np.array([[2.5], [6.5], [4.0], [5.0]])]},
        {"name": "three classes, two features", "visible": True,
         "args": [np.array([[0.0, 0.0], [1.0, 0.5], [0.5, 1.0], [5.0, 5.0], [6.0, 5.5], [5.5, 4.0], [0.0, 6.0], [1.0, 7.0]]),
                  np.array([0, 0, 0, 1, 1, 1, 2, 2]),
                  np.array([[0.5, 0.5], [5.0, 6.0], [0.5, 5.0], [3.0, 3.0]])]},
        # Mirror-image classes: the point 0 is exactly as likely under both.
        {"name": "exact tie goes to the smaller label",
         "args": [np.array([[-1.0], [-3.0], [1.0], [3.0]]), np.array([4, 4, 2, 2]),
                  np.array([[0.0], [0.5], [-0.5]])]},
    ]
    X, y = gaussian_classes(rng, [np.zeros(2), np.array([1.5, 1.0])], [1.0, 1.0], [60, 8])
    Xt = np.column_stack([np.linspace(-0.5, 2.5, 25), np.linspace(-0.5, 2.0, 25)])
    out.append({"name": "imbalanced classes: the prior decides the middle", "args": [X, y, Xt]})
    X = np.array([[0.0, 1.0], [1.0, 3.0], [2.0, 2.0],
                  [4.0, 5.0], [6.0, 4.0], [5.0, 7.0], [5.5, 5.0],
                  [9.0, 0.0], [10.0, 2.0], [8.0, 1.0], [9.5, 1.5], [8.5, 0.5], [9.0, 1.0]])
    y = np.array([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2])
    # Points between the classes, where variances inflated by n/(n-1) change the winner.
    Xt = np.array([[1.0, 2.0], [5.0, 5.5], [9.0, 1.0], [0.4, 7.5], [1.6, 5.9], [3.9, 1.8],
                   [4.6, -0.7], [6.0, 0.4], [9.2, 4.6], [10.6, 5.4]])
    out.append({"name": "small classes of 3, 4 and 6 points", "args": [X, y, Xt]})
    X, y = gaussian_classes(rng, [np.zeros(30), np.full(30, 0.6)], [1.0, 1.0], [20, 20])
    Xt = np.vstack([np.full((3, 30), -8.0) + rng.normal(size=(3, 30)), np.full((3, 30), 9.0) + rng.normal(size=(3, 30))])
    out.append({"name": "30 features, test points far from both classes", "args": [X, y, Xt]})
    X, y = gaussian_classes(rng, [np.array([0.0, 0.0, 0.0]), np.array([2.0, 1.0, 0.0])], [1.0, 1.0], [15, 15])
    X[y == 0, 2] = 1.0  # a feature that is constant inside class 0
    Xt = np.column_stack([rng.normal(size=(12, 2)) + 1.0, np.where(np.arange(12) % 2 == 0, 1.0, rng.normal(size=12))])
    out.append({"name": "a feature constant within one class", "args": [X, y, Xt]})
    X, y = gaussian_classes(rng, [np.array([0.0, 0.0]), np.array([3.0, 0.0])], [np.array([0.3, 5.0]), np.array([1.5, 5.0])], [25, 25])
    Xt = np.column_stack([np.linspace(-1.0, 4.0, 30), rng.normal(size=30)])
    out.append({"name": "var_smoothing = 0.05", "args": [X, y, Xt], "kwargs": {"var_smoothing": 0.05}})
    X, y = gaussian_classes(rng, [rng.normal(size=4) * 2 for _ in range(3)], [1.0, 1.5, 0.7], [30, 20, 25])
    out.append({"name": "three classes in 4-D", "args": [X, y, rng.normal(size=(40, 4)) * 2.5]})
    X, y = gaussian_classes(rng, [rng.normal(size=2) * 3 for _ in range(3)], [1.0, 2.0, 0.5], [20, 30, 10])
    out.append({"name": "labels 1, 5 and 8", "args": [X, np.array([1, 5, 8])[y], rng.normal(size=(30, 2)) * 4]})
    return out
