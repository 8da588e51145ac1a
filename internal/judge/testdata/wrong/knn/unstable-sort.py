# expect: wrong_answer
# Sorts distances with the default np.argsort (quicksort), which does not keep equally distant points in index order.
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    d = np.linalg.norm(X_test[:, None, :] - X_train[None, :, :], axis=2)
    nearest = np.argsort(d, axis=1)[:, :k]
    out = []
    for idx in nearest:
        labels, counts = np.unique(y_train[idx], return_counts=True)
        out.append(labels[counts.argmax()])
    return np.array(out)
