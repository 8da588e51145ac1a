# expect: wrong_answer
# Clips the probabilities to [1e-7, 1 - 1e-7] to avoid log(0), which caps each loss near 16 instead of the true value.
import numpy as np


def binary_cross_entropy_with_logits(logits, y):
    p = np.clip(1 / (1 + np.exp(-logits)), 1e-7, 1 - 1e-7)
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
