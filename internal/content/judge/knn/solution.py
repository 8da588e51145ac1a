import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    d2 = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    # A stable sort keeps equally distant training points in index order.
    nearest = np.argsort(d2, axis=1, kind="stable")[:, :k]
    out = np.empty(len(X_test), dtype=np.int64)
    for i, idx in enumerate(nearest):
        labels, counts = np.unique(y_train[idx], return_counts=True)
        out[i] = labels[counts.argmax()]  # labels are sorted: the first maximum is the smallest label
    return out
