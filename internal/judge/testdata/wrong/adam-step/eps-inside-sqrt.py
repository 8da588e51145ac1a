# expect: wrong_answer
# Adds eps inside the square root, which shrinks the step when gradients are tiny.
import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grads
    v = beta2 * v + (1 - beta2) * grads ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return params - lr * m_hat / np.sqrt(v_hat + eps), m, v
