# expect: wrong_answer
# Uses cm[y_true, y_pred] += 1, which numpy applies once per distinct index pair, so repeated pairs are undercounted.
import numpy as np


def confusion_matrix(y_true, y_pred, n_classes):
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    cm[y_true, y_pred] += 1
    return cm
