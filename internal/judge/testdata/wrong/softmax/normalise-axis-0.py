# expect: wrong_answer
# Normalises over axis 0, so a batch's columns sum to 1 instead of its rows (1-D inputs still pass).
import numpy as np


def softmax(z):
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)
