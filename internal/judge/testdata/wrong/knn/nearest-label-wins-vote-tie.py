# expect: wrong_answer
# Breaks vote ties with Counter.most_common, which favours the label seen first (the nearest neighbour's), not the smallest label.
from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    d = np.linalg.norm(X_test[:, None, :] - X_train[None, :, :], axis=2)
    nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
    return np.array([Counter(y_train[idx].tolist()).most_common(1)[0][0] for idx in nearest])
