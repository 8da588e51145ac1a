# expect: wrong_answer
# Ranks by the raw dot product, so long item vectors win regardless of direction.
import numpy as np


def cosine_top_k(query, items, k):
    return np.argsort(-(items @ query), kind="stable")[:k]
