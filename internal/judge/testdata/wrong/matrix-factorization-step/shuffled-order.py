# expect: wrong_answer
# Shuffles the ratings before the epoch, although the order is given and fixes the answer.
import numpy as np


def mf_sgd_epoch(R_entries, P, Q, lr, reg):
    P, Q = P.copy(), Q.copy()
    for k in np.random.permutation(len(R_entries)):
        u, i, r = R_entries[k]
        p, q = P[u].copy(), Q[i].copy()
        e = r - p @ q
        P[u] = p + lr * (e * q - reg * p)
        Q[i] = q + lr * (e * p - reg * q)
    return P, Q
