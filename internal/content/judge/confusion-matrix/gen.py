import numpy as np


def ints(xs):
    return np.array(xs, dtype=np.int64)


def cases():
    rng = np.random.default_rng(4804)
    out = [
        {"name": "three classes", "visible": True,
         "args": [ints([0, 1, 2, 2, 1, 0, 2]), ints([0, 2, 2, 1, 1, 0, 2]), 3]},
        {"name": "binary", "visible": True,
         "args": [ints([1, 0, 1, 1, 0]), ints([1, 1, 0, 1, 0]), 2]},
        {"name": "class absent from both arrays",
         "args": [ints([0, 3, 3, 0]), ints([3, 3, 0, 0]), 4]},
        {"name": "largest class never appears",
         "args": [ints([0, 1, 1, 0]), ints([1, 1, 0, 0]), 5]},
        {"name": "same pair repeated",
         "args": [ints([2, 2, 2, 2, 0]), ints([1, 1, 1, 1, 0]), 3]},
        {"name": "all predictions wrong",
         "args": [ints([0, 1, 2, 0, 1, 2]), ints([1, 2, 0, 2, 0, 1]), 3]},
        {"name": "single sample",
         "args": [ints([1]), ints([0]), 2]},
        {"name": "one class",
         "args": [ints([0, 0, 0]), ints([0, 0, 0]), 1]},
    ]
    for n, c in [(50, 4), (400, 7), (2000, 12)]:
        y = rng.integers(0, c, size=n).astype(np.int64)
        pred = np.where(rng.random(n) < 0.6, y, rng.integers(0, c, size=n)).astype(np.int64)
        out.append({"name": "random n=%d, %d classes" % (n, c), "args": [y, pred, c]})
    return out
