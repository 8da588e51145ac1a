# expect: wrong_answer
# Returns the summed loss instead of the mean over the elements.
import numpy as np


def binary_cross_entropy_with_logits(logits, y):
    return float(np.sum(np.maximum(logits, 0) - logits * y + np.log1p(np.exp(-np.abs(logits)))))
