# expect: wrong_answer
# Uses the unbiased variance (ddof=1, the default of torch.var), dividing by D - 1 instead of D.
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, ddof=1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta
