import numpy as np


def cosine_top_k(query, items, k):
    q = np.asarray(query, dtype=float)
    X = np.asarray(items, dtype=float)
    denom = np.linalg.norm(X, axis=1) * np.linalg.norm(q)
    dots = X @ q
    sims = np.divide(dots, denom, out=np.zeros_like(dots), where=denom > 0)
    return np.argsort(-sims, kind="stable")[:k]
