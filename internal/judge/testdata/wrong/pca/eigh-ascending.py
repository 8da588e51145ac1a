# expect: wrong_answer
# Keeps the first columns of np.linalg.eigh, which sorts eigenvalues in ascending order, so it returns the least-variance directions.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    return vectors[:, :n_components].T, values[:n_components] / values.sum()
