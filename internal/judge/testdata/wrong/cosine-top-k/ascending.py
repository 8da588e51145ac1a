# expect: wrong_answer
# Takes the first k indices of an ascending argsort: the k least similar items.
import numpy as np


def cosine_top_k(query, items, k):
    denom = np.linalg.norm(items, axis=1) * np.linalg.norm(query)
    sims = np.divide(items @ query, denom, out=np.zeros(len(items)), where=denom > 0)
    return np.argsort(sims, kind="stable")[:k]
