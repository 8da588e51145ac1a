import numpy as np


def average_ranks(x):
    """Ranks from 1, tied values sharing the mean of the ranks they span."""
    order = np.argsort(x, kind="stable")
    xs = x[order]
    starts = np.flatnonzero(np.r_[True, xs[1:] != xs[:-1]])
    ends = np.r_[starts[1:], len(xs)]
    mean_rank = (starts + ends + 1) / 2.0  # mean of ranks starts+1 .. ends
    ranks = np.empty(len(x))
    ranks[order] = np.repeat(mean_rank, ends - starts)
    return ranks


def roc_auc(y_true, scores):
    y = np.asarray(y_true) == 1
    s = np.asarray(scores, dtype=float)
    n_pos = np.sum(y)
    n_neg = len(y) - n_pos
    rank_sum = average_ranks(s)[y].sum()
    # Mann-Whitney U of the positives, divided by the number of (positive, negative) pairs.
    return float((rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
