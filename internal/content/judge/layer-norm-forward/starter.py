import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Layer-normalise x over its last axis; return out, same shape as x."""
    # Your code here
    raise NotImplementedError
