# expect: wrong_answer
# Divides each kept variance by the variance of the kept components only, so the ratios always sum to 1.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    _, s, vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    kept = s[:n_components] ** 2
    return vt[:n_components], kept / kept.sum()
