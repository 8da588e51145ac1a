# expect: wrong_answer
# Takes the SVD of X without subtracting the column means, so data far from the origin gets the mean direction as its first component.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    _, s, vt = np.linalg.svd(X, full_matrices=False)
    return vt[:n_components], s[:n_components] ** 2 / (s ** 2).sum()
