# expect: wrong_answer
# Returns the eigenvectors as the columns of a (n_features, n_components) matrix, the transpose of what is asked.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    cov = np.cov(X, rowvar=False)
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1][:n_components]
    return vectors[:, order], values[order] / values.sum()
