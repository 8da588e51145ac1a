# expect: wrong_answer
# Gives one column per distinct label present, so a class missing from the data (or a missing class 0) shifts every column after it.
import numpy as np


def one_hot(labels, n_classes=None):
    classes, codes = np.unique(labels, return_inverse=True)
    width = n_classes if n_classes is not None else len(classes)
    out = np.zeros((len(labels), width))
    out[np.arange(len(labels)), codes] = 1.0
    return out
