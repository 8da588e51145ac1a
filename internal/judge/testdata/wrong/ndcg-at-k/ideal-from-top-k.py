# expect: wrong_answer
# Builds the ideal ordering from the first k results only, so relevant documents ranked below the cut-off never raise the ideal.
import numpy as np


def ndcg_at_k(relevances, k):
    rel = np.asarray(relevances, dtype=float)[:k]
    discounts = np.log2(np.arange(2, len(rel) + 2))
    ideal = np.sum(np.sort(rel)[::-1] / discounts)
    return float(np.sum(rel / discounts) / ideal) if ideal > 0 else 0.0
