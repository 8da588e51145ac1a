import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    centred = X - X.mean(axis=0)
    # The right singular vectors of the centred data are the eigenvectors of its
    # covariance matrix, already sorted by decreasing singular value.
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    variance = s ** 2
    return vt[:n_components], variance[:n_components] / variance.sum()
