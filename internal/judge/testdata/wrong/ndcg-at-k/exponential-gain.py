# expect: wrong_answer
# Uses the exponential gain 2^rel - 1 that the statement rules out instead of the linear gain.
import numpy as np


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=float)

    def dcg(r):
        return np.sum((2 ** r - 1) / np.log2(np.arange(2, len(r) + 2)))

    ideal = dcg(np.sort(rel)[::-1][:k])
    return float(dcg(rel[:k]) / ideal) if ideal > 0 else 0.0
