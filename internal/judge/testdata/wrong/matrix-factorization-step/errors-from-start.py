# expect: wrong_answer
# Computes every error from the starting P and Q (a batch gradient step), instead of after each earlier update.
import numpy as np


def mf_sgd_epoch(R_entries, P, Q, lr, reg):
    P0, Q0 = P.copy(), Q.copy()
    P, Q = P.copy(), Q.copy()
    for u, i, r in R_entries:
        e = r - P0[u] @ Q0[i]
        p, q = P[u].copy(), Q[i].copy()
        P[u] = p + lr * (e * q - reg * p)
        Q[i] = q + lr * (e * p - reg * q)
    return P, Q
