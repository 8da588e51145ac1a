# expect: wrong_answer
# Flips the kernel (true mathematical convolution) instead of the cross-correlation frameworks compute.
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    w = w[:, :, ::-1, ::-1]
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    Ho = (H + 2 * padding - KH) // stride + 1
    Wo = (W + 2 * padding - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            patch = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", patch, w)
    return out + b[None, :, None, None]
