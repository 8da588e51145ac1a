import numpy as np


def conv2d(x, w, b, stride=1, padding=0):
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    s, p = stride, padding
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    H_out = (H + 2 * p - KH) // s + 1
    W_out = (W + 2 * p - KW) // s + 1
    out = np.empty((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            patch = xp[:, :, i * s:i * s + KH, j * s:j * s + KW]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3]))
    return out + np.asarray(b, dtype=float)[None, :, None, None]
