# expect: wrong_answer
# Returns the position of the winning class in np.unique(y_train) instead of the label itself; they differ when labels are not 0..C-1.
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    classes, codes = np.unique(y_train, return_inverse=True)
    d = np.linalg.norm(X_test[:, None, :] - X_train[None, :, :], axis=2)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([np.bincount(codes[idx], minlength=len(classes)).argmax() for idx in nearest])
