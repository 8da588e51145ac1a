import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    """Forward pass of a conv layer: x (N, C, H, W), w (F, C, KH, KW), b (F,) -> (N, F, H_out, W_out)."""
    # Your code here
    raise NotImplementedError
