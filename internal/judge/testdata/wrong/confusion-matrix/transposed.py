# expect: wrong_answer
# Puts predicted classes on the rows and true classes on the columns, the transpose of what was asked.
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        cm[p, t] += 1
    return cm
