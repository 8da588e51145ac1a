# expect: wrong_answer
# Skips bias correction and divides the raw moments, so early steps are far too small.
import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    return params - lr * m / (np.sqrt(v) + eps), m, v
