# expect: wrong_answer
# Sizes the matrix from the largest label seen instead of n_classes, so it shrinks when the last class never appears.
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    k = int(max(y_true.max(), y_pred.max())) + 1
    cm = np.zeros((k, k), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm
