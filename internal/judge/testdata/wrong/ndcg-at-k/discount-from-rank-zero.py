# expect: wrong_answer
# Discounts rank r by log2(r + 2) instead of log2(r + 1), as if ranks started at 2.
import numpy as np


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=float)
    discounts = np.log2(np.arange(1, min(k, len(rel)) + 1) + 2)
    ideal = np.sum(np.sort(rel)[::-1][:k] / discounts)
    return float(np.sum(rel[:k] / discounts) / ideal) if ideal > 0 else 0.0
