# expect: wrong_answer
# For 3-D inputs, normalises over the last two axes (the whole sequence) instead of each position's features.
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    axes = tuple(range(1, x.ndim))
    mu = x.mean(axis=axes, keepdims=True)
    var = x.var(axis=axes, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta
