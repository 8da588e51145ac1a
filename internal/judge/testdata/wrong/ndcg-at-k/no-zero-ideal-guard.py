# expect: wrong_answer
# Divides by the ideal DCG without checking it, returning NaN for a list with no relevant document.
import numpy as np


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=float)
    discounts = np.log2(np.arange(2, min(k, len(rel)) + 2))
    dcg = np.sum(rel[:k] / discounts)
    ideal = np.sum(np.sort(rel)[::-1][:k] / discounts)
    return float(dcg / ideal)
