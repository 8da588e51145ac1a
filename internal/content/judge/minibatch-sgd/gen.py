import numpy as np


def cases():
    rng = np.random.default_rng(20261202)

    def perms(n, epochs):
        return [rng.permutation(n).tolist() for _ in range(epochs)]

    X1 = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    y1 = np.array([1.0, 2.0, 3.0, 4.0])
    X2 = np.array([[1.0, 2.0], [2.0, 0.5], [0.0, 1.0], [1.5, 1.5], [3.0, -1.0]])
    y2 = np.array([5.0, 3.0, 2.0, 4.5, 1.0])
    out = [
        {"name": "two batches per epoch", "visible": True,
         "args": [X1, y1, 0.1, 2, 2, [[0, 1, 2, 3], [3, 1, 0, 2]]]},
        {"name": "smaller last batch", "visible": True,
         "args": [X2, y2, 0.05, 1, 2, [[4, 0, 2, 1, 3]]]},
        {"name": "no epochs", "args": [X1, y1, 0.1, 0, 2, []]},
        {"name": "batch size one", "args": [X2, y2, 0.02, 3, 1, perms(5, 3)]},
        {"name": "full batch", "args": [X2, y2, 0.02, 4, 5, perms(5, 4)]},
        {"name": "batch larger than the data", "args": [X1, y1, 0.05, 3, 10, perms(4, 3)]},
    ]
    for n, d, lr, epochs, b in [(50, 3, 0.05, 10, 8), (37, 4, 0.03, 6, 5), (100, 5, 0.02, 5, 16), (20, 2, 0.05, 4, 5)]:
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d) + 0.1 * rng.normal(size=n)
        out.append({"name": "random %dx%d, batch %d, %d epochs" % (n, d, b, epochs),
                    "args": [X, y, lr, epochs, b, perms(n, epochs)]})
    return out
