# expect: wrong_answer
# Takes the mean and variance over axis 1 (each example's features), which is layer norm, not batch norm.
import numpy as np


def batchnorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta
