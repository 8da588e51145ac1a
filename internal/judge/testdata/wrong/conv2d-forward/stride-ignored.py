# expect: wrong_answer
# Ignores the stride entirely and returns the stride-1 output.
import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    Ho, Wo = H + 2 * padding - KH + 1, W + 2 * padding - KW + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", xp[:, :, i:i + KH, j:j + KW], w)
    return out + b[None, :, None, None]
