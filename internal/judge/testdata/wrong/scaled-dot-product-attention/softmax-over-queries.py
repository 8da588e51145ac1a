# expect: wrong_answer
# Takes the softmax over axis -2 (the queries) instead of the keys, so the weights of each key sum to 1.
import numpy as np


def attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    w = np.exp(scores - scores.max(axis=-2, keepdims=True))
    return w / w.sum(axis=-2, keepdims=True) @ V
