# expect: wrong_answer
# Exponentiates the raw logits without subtracting the max, so large inputs overflow to inf and give nan.
import numpy as np


def softmax(z):
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)
