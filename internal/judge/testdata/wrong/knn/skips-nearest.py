# expect: wrong_answer
# Takes neighbours 1..k as if the query were in the training set and its own distance-0 match had to be skipped.
import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    d = np.linalg.norm(X_test[:, None, :] - X_train[None, :, :], axis=2)
    nearest = np.argsort(d, axis=1, kind="stable")[:, 1:k + 1]
    out = []
    for idx in nearest:
        labels, counts = np.unique(y_train[idx], return_counts=True)
        out.append(labels[counts.argmax()])
    return np.array(out)
