import numpy as np


def adam_step(params, grads, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Apply Adam step t (1-based); return (new_params, new_m, new_v)."""
    # Your code here
    raise NotImplementedError
