import numpy as np


def dcg(rel):
    return float(np.sum(rel / np.log2(np.arange(2, len(rel) + 2))))


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=float)
    ideal = dcg(np.sort(rel)[::-1][:k])
    if ideal == 0:
        return 0.0
    return dcg(rel[:k]) / ideal
