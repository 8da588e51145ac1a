# expect: wrong_answer
# Always uses max(labels) + 1 columns, ignoring an explicit n_classes.
import numpy as np


def one_hot(labels, n_classes=None):
    width = labels.max() + 1 if len(labels) else 0
    out = np.zeros((len(labels), width))
    out[np.arange(len(labels)), labels] = 1.0
    return out
