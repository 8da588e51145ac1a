import numpy as np


def ints(xs):
    return np.array(xs, dtype=np.int64)


def floats(xs):
    return np.array(xs, dtype=np.float64)


def cases():
    rng = np.random.default_rng(2602)
    out = [
        {"name": "no ties", "visible": True,
         "args": [ints([0, 0, 1, 1]), floats([0.1, 0.4, 0.35, 0.8])]},
        {"name": "a tie across classes", "visible": True,
         "args": [ints([0, 1, 0, 1, 1]), floats([0.2, 0.5, 0.5, 0.9, 0.1])]},
        {"name": "perfect separation",
         "args": [ints([1, 0, 1, 0, 0, 1]), floats([0.9, 0.1, 0.8, 0.3, 0.2, 0.7])]},
        {"name": "perfectly inverted",
         "args": [ints([1, 1, 0, 0]), floats([-2.0, -1.0, 3.0, 4.0])]},
        {"name": "all scores equal",
         "args": [ints([1, 0, 0, 1, 0]), floats([0.3, 0.3, 0.3, 0.3, 0.3])]},
        {"name": "positive listed first in a tie",
         "args": [ints([1, 0]), floats([0.5, 0.5])]},
        {"name": "negative listed first in a tie",
         "args": [ints([0, 1, 1]), floats([0.7, 0.7, 0.2])]},
        {"name": "one positive among many negatives",
         "args": [ints([0] * 9 + [1]), floats([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.55])]},
    ]
    for n, pos_rate, decimals in [(60, 0.4, 1), (300, 0.1, 1), (2000, 0.5, 2)]:
        y = (rng.random(n) < pos_rate).astype(np.int64)
        y[:2] = [0, 1]
        s = np.round(rng.random(n) * 0.7 + 0.3 * y, decimals)
        out.append({"name": "random n=%d, scores rounded to %d decimal(s)" % (n, decimals), "args": [y, s]})
    y = (rng.random(500) < 0.3).astype(np.int64)
    y[:2] = [0, 1]
    out.append({"name": "random n=500, continuous scores",
                "args": [y, rng.normal(size=500) + 0.8 * y]})
    return out
