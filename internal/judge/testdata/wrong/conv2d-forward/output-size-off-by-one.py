# expect: wrong_answer
# Computes the output size as (H + 2p - KH + 1) // stride, which drops the last window when the stride leaves a remainder.
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    Ho = (H + 2 * padding - KH + 1) // stride
    Wo = (W + 2 * padding - KW + 1) // stride
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            patch = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", patch, w)
    return out + b[None, :, None, None]
