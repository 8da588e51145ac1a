# expect: wrong_answer
# Divides by 1 - p without special-casing p = 1, which yields nan (0 * inf) instead of zeros.
import numpy as np


def dropout_forward(x, p, u):
    return x * (u >= p) / (1 - p)
