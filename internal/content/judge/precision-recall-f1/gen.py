import numpy as np


def ints(xs):
    return np.array(xs, dtype=np.int64)


def cases():
    rng = np.random.default_rng(1501)
    out = [
        {"name": "small mixed example", "visible": True,
         "args": [ints([1, 0, 1, 1, 0, 1, 0, 0]), ints([1, 1, 0, 1, 0, 1, 1, 0])]},
        {"name": "perfect predictions", "visible": True,
         "args": [ints([0, 1, 1, 0, 1]), ints([0, 1, 1, 0, 1])]},
        {"name": "no predicted positives",
         "args": [ints([1, 0, 1, 0]), ints([0, 0, 0, 0])]},
        {"name": "no actual positives",
         "args": [ints([0, 0, 0, 0, 0]), ints([0, 1, 0, 1, 0])]},
        {"name": "all labels zero",
         "args": [ints([0, 0, 0]), ints([0, 0, 0])]},
        {"name": "positives predicted but none correct",
         "args": [ints([1, 1, 0, 0, 0]), ints([0, 0, 1, 1, 0])]},
        {"name": "every positive found, many false alarms",
         "args": [ints([1, 0, 0, 0, 0, 0, 1, 0, 0, 0]), ints([1, 1, 1, 0, 1, 1, 1, 0, 1, 0])]},
        {"name": "few predictions, all right",
         "args": [ints([1, 1, 1, 1, 1, 0, 1, 1, 0]), ints([1, 0, 0, 0, 0, 0, 0, 0, 0])]},
        {"name": "single sample, true positive",
         "args": [ints([1]), ints([1])]},
    ]
    for n, p_true, p_pred in [(40, 0.3, 0.5), (200, 0.1, 0.2), (1000, 0.6, 0.4)]:
        y = (rng.random(n) < p_true).astype(np.int64)
        flip = rng.random(n) < 0.3
        pred = np.where(flip, (rng.random(n) < p_pred).astype(np.int64), y)
        out.append({"name": "random n=%d" % n, "args": [y, pred]})
    return out
