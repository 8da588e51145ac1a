# expect: wrong_answer
# Reverses an ascending argsort, which puts tied items in larger-index-first order.
import numpy as np


def cosine_top_k(query, items, k):
    denom = np.linalg.norm(items, axis=1) * np.linalg.norm(query)
    sims = np.divide(items @ query, denom, out=np.zeros(len(items)), where=denom > 0)
    return np.argsort(sims, kind="stable")[::-1][:k]
