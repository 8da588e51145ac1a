# expect: wrong_answer
# Takes the log of the sigmoid probabilities directly, which gives inf or nan for large logits.
import numpy as np


def binary_cross_entropy_with_logits(logits, y):
    p = 1 / (1 + np.exp(-logits))
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
