# expect: wrong_answer
# Plain dropout: zeroes the dropped units but never rescales the kept ones by 1/(1-p).
import numpy as np


def dropout_forward(x, p, u):
    return x * (u >= p)
